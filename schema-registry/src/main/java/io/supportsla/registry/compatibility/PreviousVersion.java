package io.supportsla.registry.compatibility;

import java.util.Objects;
import org.apache.avro.Schema;

/** An earlier version of a subject that a new schema is compared with. */
public record PreviousVersion(int version, Schema schema) {

    public PreviousVersion {
        Objects.requireNonNull(schema, "schema");
    }
}
