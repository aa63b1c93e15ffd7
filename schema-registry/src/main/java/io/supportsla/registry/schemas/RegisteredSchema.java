package io.supportsla.registry.schemas;

/** A version of a subject: the subject, its version number, the schema's global id and text. */
public record RegisteredSchema(String subject, int version, int id, String schema) {
}
