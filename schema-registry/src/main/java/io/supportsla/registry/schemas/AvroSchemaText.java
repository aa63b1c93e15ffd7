package io.supportsla.registry.schemas;

import io.supportsla.registry.RegistryError;
import io.supportsla.registry.RegistryException;
import org.apache.avro.Schema;

/**
 * A parsed Avro schema and its normalized text. Two submissions are the same schema when their
 * normalized texts are equal: whitespace and key order do not matter, names, docs and defaults do.
 */
public record AvroSchemaText(Schema schema, String normalized) {

    public static AvroSchemaText parse(String text) {
        if (text == null || text.isBlank()) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: the schema is empty");
        }
        try {
            Schema schema = new Schema.Parser().parse(text);
            return new AvroSchemaText(schema, schema.toString());
        } catch (RuntimeException e) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA, "Invalid schema: " + e.getMessage(), e);
        }
    }
}
