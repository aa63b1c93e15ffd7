package io.supportsla.escalation.streams;

import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde for the service's own records: its state stores and its acknowledgement command
 * topic, none of which are part of the analytics contract. Unknown properties are ignored so that
 * older instances read state written by newer ones; instants are ISO-8601 text.
 */
public class JsonSerde<T> implements Serde<T> {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (JacksonException e) {
                throw new SerializationException("Cannot write " + type.getSimpleName() + " as JSON", e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, type);
            } catch (JacksonException e) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " from JSON"
                        + (topic == null ? "" : " on " + topic) + ": " + e.getOriginalMessage(), e);
            }
        };
    }
}
