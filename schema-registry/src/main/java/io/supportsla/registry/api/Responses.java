package io.supportsla.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.supportsla.registry.schemas.RegisteredSchema;
import java.util.List;

/** Response bodies of the API, shaped as Confluent's registry shapes them. */
final class Responses {

    private Responses() {
    }

    record SchemaId(int id) {
    }

    @JsonPropertyOrder({"subject", "version", "id", "schema"})
    record SubjectVersion(String subject, int version, int id, String schema) {

        static SubjectVersion of(RegisteredSchema schema) {
            return new SubjectVersion(schema.subject(), schema.version(), schema.id(), schema.schema());
        }
    }

    @JsonPropertyOrder({"subject", "version"})
    record SubjectAndVersion(String subject, int version) {
    }

    record SchemaText(String schema) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"is_compatible", "messages"})
    record CompatibilityCheck(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
    }

    /** GET /config answers with {@code compatibilityLevel}... */
    record Config(String compatibilityLevel) {
    }

    /** ...while PUT /config answers with {@code compatibility}, as in Confluent's API. */
    record ConfigUpdate(String compatibility) {
    }

    @JsonPropertyOrder({"error_code", "message"})
    record ErrorMessage(@JsonProperty("error_code") int errorCode, String message) {
    }
}
