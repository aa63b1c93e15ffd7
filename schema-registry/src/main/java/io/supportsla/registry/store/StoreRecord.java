package io.supportsla.registry.store;

import io.supportsla.registry.compatibility.CompatibilityLevel;
import java.util.Objects;

/**
 * One fact in the registry's log. The log is the registry's only state: replaying it from the
 * start rebuilds every id, version and level, which is how a restarted registry serves the same ids.
 */
public sealed interface StoreRecord {

    /**
     * Version {@code version} of {@code subject} is the schema with global id {@code id}.
     *
     * @param schemaType {@code AVRO} for what this registry writes; records of other types, written
     *     by a Confluent registry sharing the topic, only reserve their id
     * @param deleted soft-deleted by Confluent's registry: the id still resolves, the version is not listed
     */
    record SchemaVersion(String subject, int version, int id, String schemaType, String schema, boolean deleted)
            implements StoreRecord {

        public static final String AVRO = "AVRO";

        public SchemaVersion {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schemaType, "schemaType");
            Objects.requireNonNull(schema, "schema");
        }

        public static SchemaVersion avro(String subject, int version, int id, String schema) {
            return new SchemaVersion(subject, version, id, AVRO, schema, false);
        }

        public boolean isAvro() {
            return AVRO.equals(schemaType);
        }
    }

    /** A version removed for good (a tombstone in the topic). */
    record SchemaVersionRemoved(String subject, int version) implements StoreRecord {

        public SchemaVersionRemoved {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /**
     * The compatibility level of one subject, or the global one when {@code subject} is null.
     * A null {@code level} clears it.
     */
    record CompatibilityConfigured(String subject, CompatibilityLevel level) implements StoreRecord {

        public boolean isGlobal() {
            return subject == null;
        }
    }
}
