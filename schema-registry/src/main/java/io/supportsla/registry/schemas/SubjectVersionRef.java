package io.supportsla.registry.schemas;

/** A subject and one of its versions. */
public record SubjectVersionRef(String subject, int version) {
}
