package io.supportsla.sla.timers;

import io.supportsla.sla.targets.CaseSla;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-case state store's value format: {@link CaseSla} as JSON. Internal to this service (the
 * changelog topic is not a contract), so readable JSON beats a registered schema; unknown fields
 * are ignored so that a newer version's state can be read by an older one during a rolling upgrade.
 */
public final class CaseSlaSerde implements Serde<CaseSla> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public Serializer<CaseSla> serializer() {
        return (topic, state) -> {
            if (state == null) {
                return null;
            }
            try {
                return JSON.writeValueAsBytes(state);
            } catch (JacksonException e) {
                throw new SerializationException("Cannot write the SLA state of case " + state.caseNumber(), e);
            }
        };
    }

    @Override
    public Deserializer<CaseSla> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return JSON.readValue(bytes, CaseSla.class);
            } catch (JacksonException e) {
                throw new SerializationException("Cannot read an SLA state from " + topic, e);
            }
        };
    }
}
