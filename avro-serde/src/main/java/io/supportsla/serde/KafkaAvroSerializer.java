package io.supportsla.serde;

import io.supportsla.serde.registry.RegisteredSchema;
import io.supportsla.serde.registry.SchemaRegistryClient;
import io.supportsla.serde.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing Avro in the Confluent wire format: a drop-in for
 * {@code io.confluent.kafka.serializers.KafkaAvroSerializer} with the same configuration keys
 * (see {@link AvroSerdeConfig}). Accepts GenericRecords, generated SpecificRecords and
 * primitives; the subject is {@code <topic>-value} or {@code <topic>-key}. By default the
 * record's schema is registered under the subject; with {@code use.latest.version} the subject's
 * latest schema is used instead, and with neither the schema must already be registered.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegisterSchemas = true;
    private boolean useLatestVersion;

    /** For Kafka to instantiate by class name; {@link #configure} must be called before use. */
    public KafkaAvroSerializer() {}

    /** Uses this registry client; {@code schema.registry.url} is then optional and the defaults apply until {@link #configure}. */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Uses this registry client, configured as by {@link #configure}. */
    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs, client == null);
        this.isKey = isKey;
        this.autoRegisterSchemas = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        if (client == null) {
            client = config.createClient();
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("KafkaAvroSerializer is not configured: call configure() or pass a SchemaRegistryClient");
        }
        Schema schema = AvroSchemas.schemaOf(data);
        String subject = TopicNameStrategy.subject(topic, isKey);
        Schema writerSchema = schema;
        Object datum = data;
        int id;
        if (useLatestVersion) {
            RegisteredSchema latest = client.getLatest(subject);
            id = latest.id();
            if (!latest.schema().equals(schema)) {
                writerSchema = latest.schema();
                datum = AvroSchemas.convert(data, schema, writerSchema, "use.latest.version: subject '" + subject
                        + "' version " + latest.version() + " (id " + id + ")");
            }
        } else if (autoRegisterSchemas) {
            id = client.register(subject, schema);
        } else {
            id = lookUp(subject, schema);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(ConfluentWireFormat.header(id));
            AvroSchemas.write(datum, writerSchema, out);
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Cannot serialize " + (isKey ? "key" : "value") + " of topic " + topic
                    + " with Avro schema " + writerSchema.getFullName() + " (id " + id + "): " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private int lookUp(String subject, Schema schema) {
        try {
            return client.lookup(subject, schema);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new SchemaRegistryException(e.getMessage() + " (auto.register.schemas=false: register the schema"
                        + " before producing, or set use.latest.version=true)", e.httpStatus(), e.errorCode());
            }
            throw e;
        }
    }

    @Override
    public void close() {
        // The registry client holds no resources beyond the JDK's shared HTTP machinery.
    }
}
