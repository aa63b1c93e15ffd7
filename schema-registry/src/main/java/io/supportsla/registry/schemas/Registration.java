package io.supportsla.registry.schemas;

/**
 * The result of registering a schema in a subject.
 *
 * @param newVersion false when the subject already had this schema and nothing was written
 */
public record Registration(RegisteredSchema schema, boolean newVersion) {
}
