package io.supportsla.registry.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Request bodies of the API. Fields clients send that this registry does not use are ignored. */
final class Requests {

    private Requests() {
    }

    /** {@code {"schema": "...", "schemaType": "AVRO", "references": []}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemaRequest(String schema, String schemaType, List<Object> references) {
    }

    /** {@code {"compatibility": "FULL"}}; {@code compatibilityLevel} is accepted as well. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigUpdateRequest(String compatibility, String compatibilityLevel) {

        String level() {
            return compatibility != null ? compatibility : compatibilityLevel;
        }
    }
}
