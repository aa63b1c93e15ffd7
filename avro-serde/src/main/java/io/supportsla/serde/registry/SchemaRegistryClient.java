package io.supportsla.serde.registry;

import org.apache.avro.Schema;

/**
 * The few Confluent Schema Registry operations an Avro serde needs. Implementations throw
 * {@link SchemaRegistryException} when the registry answers with an error and
 * {@link SchemaRegistryUnreachableException} when it cannot be reached; both are Kafka
 * {@code SerializationException}s, so a producer, consumer or Kafka Streams handler sees them as
 * (de)serialization failures.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions})
     * and returns its global id; registering a schema the subject already has returns the
     * existing id.
     */
    int register(String subject, Schema schema);

    /**
     * Returns the id of {@code schema} if it is already registered under {@code subject}
     * ({@code POST /subjects/{subject}}), without registering anything.
     */
    int lookup(String subject, Schema schema);

    /** Returns the schema with this global id ({@code GET /schemas/ids/{id}}). */
    Schema getSchemaById(int id);

    /** Returns the latest version registered under {@code subject} ({@code GET /subjects/{subject}/versions/latest}). */
    RegisteredSchema getLatest(String subject);
}
