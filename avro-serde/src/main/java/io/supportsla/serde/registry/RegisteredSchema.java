package io.supportsla.serde.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/** One version of a subject as the registry stores it: the global id, the version within the subject and the schema. */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
