package io.supportsla.registry.kafka;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.supportsla.registry.compatibility.CompatibilityLevel;
import io.supportsla.registry.store.StoreRecord;
import io.supportsla.registry.store.StoreRecord.CompatibilityConfigured;
import io.supportsla.registry.store.StoreRecord.SchemaVersion;
import io.supportsla.registry.store.StoreRecord.SchemaVersionRemoved;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confluent Schema Registry's record format for its {@code _schemas} topic, so a topic written by
 * either registry reads in the other. Keys are written byte for byte as Confluent writes them
 * (same property order, no spaces): compaction keeps the last record per key bytes.
 * <pre>
 * {"keytype":"SCHEMA","subject":"s","version":1,"magic":1} -> {"subject":"s","version":1,"id":1,"schema":"...","deleted":false}
 * {"keytype":"CONFIG","subject":null,"magic":0}           -> {"compatibilityLevel":"FULL"}
 * </pre>
 * A null value is a tombstone. Key types this registry does not use (NOOP, MODE, DELETE_SUBJECT...)
 * decode to nothing.
 */
public final class StoreRecordCodec {

    static final String SCHEMA_KEYTYPE = "SCHEMA";
    static final String CONFIG_KEYTYPE = "CONFIG";

    /** Independent of the web layer's JSON settings: the storage format must not change with them. */
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A record as Kafka key and value bytes; a null value is a tombstone. */
    public record Encoded(byte[] key, byte[] value) {
    }

    public Encoded encode(StoreRecord record) {
        if (record instanceof SchemaVersion version) {
            return new Encoded(
                    json.writeValueAsBytes(new SchemaKey(SCHEMA_KEYTYPE, version.subject(), version.version(), 1)),
                    json.writeValueAsBytes(new SchemaValue(version.subject(), version.version(), version.id(),
                            version.isAvro() ? null : version.schemaType(), version.schema(), version.deleted())));
        }
        if (record instanceof SchemaVersionRemoved removed) {
            return new Encoded(
                    json.writeValueAsBytes(new SchemaKey(SCHEMA_KEYTYPE, removed.subject(), removed.version(), 1)),
                    null);
        }
        CompatibilityConfigured configured = (CompatibilityConfigured) record;
        byte[] key = json.writeValueAsBytes(new ConfigKey(CONFIG_KEYTYPE, configured.subject(), 0));
        return new Encoded(key, configured.level() == null
                ? null
                : json.writeValueAsBytes(new ConfigValue(configured.level().name())));
    }

    /**
     * The record a key and value stand for; empty for key types this registry ignores.
     *
     * @throws tools.jackson.core.JacksonException when the bytes are not the expected JSON
     */
    public Optional<StoreRecord> decode(byte[] key, byte[] value) {
        if (key == null) {
            return Optional.empty();
        }
        AnyKey anyKey = json.readValue(key, AnyKey.class);
        if (SCHEMA_KEYTYPE.equals(anyKey.keytype())) {
            if (value == null) {
                return Optional.of(new SchemaVersionRemoved(anyKey.subject(), anyKey.version()));
            }
            SchemaValue schemaValue = json.readValue(value, SchemaValue.class);
            return Optional.of(new SchemaVersion(
                    schemaValue.subject() != null ? schemaValue.subject() : anyKey.subject(),
                    schemaValue.version() != null ? schemaValue.version() : anyKey.version(),
                    schemaValue.id(),
                    schemaValue.schemaType() != null ? schemaValue.schemaType() : SchemaVersion.AVRO,
                    schemaValue.schema(),
                    Boolean.TRUE.equals(schemaValue.deleted())));
        }
        if (CONFIG_KEYTYPE.equals(anyKey.keytype())) {
            if (value == null) {
                return Optional.of(new CompatibilityConfigured(anyKey.subject(), null));
            }
            ConfigValue configValue = json.readValue(value, ConfigValue.class);
            if (configValue.compatibilityLevel() == null) {
                return Optional.of(new CompatibilityConfigured(anyKey.subject(), null));
            }
            return CompatibilityLevel.named(configValue.compatibilityLevel())
                    .map(level -> new CompatibilityConfigured(anyKey.subject(), level));
        }
        return Optional.empty();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnyKey(String keytype, String subject, Integer version, Integer magic) {
    }

    @JsonPropertyOrder({"keytype", "subject", "version", "magic"})
    record SchemaKey(String keytype, String subject, int version, int magic) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"keytype", "subject", "magic"})
    record ConfigKey(String keytype, String subject, int magic) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"subject", "version", "id", "schemaType", "schema", "deleted"})
    record SchemaValue(String subject, Integer version, Integer id, String schemaType, String schema, Boolean deleted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigValue(String compatibilityLevel) {
    }
}
