package io.supportsla.registry.schemas;

import io.supportsla.registry.RegistryError;
import io.supportsla.registry.RegistryException;
import java.util.Locale;

/**
 * A schema as a client sends it to be registered, looked up or checked.
 *
 * @param schemaType null means AVRO, as in Confluent's API; no other type is supported
 * @param referenceCount how many schema references came with it; references are not supported
 */
public record SchemaSubmission(String schema, String schemaType, int referenceCount) {

    public static SchemaSubmission avro(String schema) {
        return new SchemaSubmission(schema, null, 0);
    }

    /** The parsed schema, or an {@link RegistryError#INVALID_SCHEMA} error saying what is wrong. */
    public AvroSchemaText parse() {
        if (schemaType != null && !schemaType.toUpperCase(Locale.ROOT).equals("AVRO")) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA,
                    "Invalid schema type " + schemaType + ": this registry supports AVRO only");
        }
        if (referenceCount > 0) {
            throw new RegistryException(RegistryError.INVALID_SCHEMA,
                    "Invalid schema: schema references are not supported by this registry");
        }
        return AvroSchemaText.parse(schema);
    }
}
