package io.supportsla.registry.store;

/** A live version of a subject as the registry currently knows it. */
public record StoredVersion(String subject, int version, int id, String schema) {
}
