package io.supportsla.escalation.streams;

import io.micrometer.core.instrument.Metrics;
import io.supportsla.schemas.Topics;
import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.serde.registry.SchemaRegistryUnreachableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends poison records to {@code <topic>.dlq} and carries on: records that cannot be deserialized
 * and records whose processing throws. The dead letter is the record exactly as received (key,
 * value and headers) plus Spring Kafka's standard dead-letter headers, encoded as Spring's
 * {@code DeadLetterPublishingRecoverer} encodes them: {@code kafka_dlt-exception-fqcn},
 * {@code -exception-cause-fqcn}, {@code -exception-message}, {@code -exception-stacktrace},
 * {@code -original-topic} (UTF-8), {@code -original-partition} (4-byte big-endian int),
 * {@code -original-offset} and {@code -original-timestamp} (8-byte big-endian long),
 * {@code -original-timestamp-type} and {@code -original-consumer-group} (the Streams application
 * id). If the dead letter cannot be written, the stream thread fails rather than lose the record.
 * A record that cannot be read because the schema registry is unreachable or failing (5xx) is no
 * poison: the stream thread fails instead, is replaced, and reads it again from the last commit.
 * Configured by class name as {@code deserialization.exception.handler} and
 * {@code processing.exception.handler}.
 */
public class DeadLetterExceptionHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** Streams configuration key under which a test may put a {@link DeadLetterSink} instance. */
    public static final String SINK_CONFIG = "supportsla.dead-letter.sink";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private DeadLetterSink sink;
    private String consumerGroup = "";

    @Override
    public void configure(Map<String, ?> configs) {
        Object applicationId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        consumerGroup = applicationId == null ? "" : applicationId.toString();
        Object configured = configs.get(SINK_CONFIG);
        sink = configured instanceof DeadLetterSink given ? given : new KafkaDeadLetterSink(configs, consumerGroup + "-dead-letters");
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        if (registryUnavailable(exception)) {
            log.warn("Cannot read {}-{}@{} while the schema registry is unavailable; failing the stream thread to read it"
                    + " again: {}", record.topic(), record.partition(), record.offset(), exception.toString());
            return DeserializationHandlerResponse.FAIL;
        }
        boolean stored = deadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.key(), record.value(), record.headers(), exception);
        return stored ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (context.topic() == null) {
            // Not from an input record (a punctuation): nothing to dead-letter.
            log.error("Processing failed outside of an input record at {}", context.processorNodeId(), exception);
            return ProcessingHandlerResponse.CONTINUE;
        }
        boolean stored = deadLetter(context.topic(), context.partition(), context.offset(), context.timestamp(),
                TimestampType.CREATE_TIME, context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception);
        return stored ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }

    private boolean deadLetter(String topic, int partition, long offset, long timestamp, TimestampType timestampType,
            byte[] key, byte[] value, Headers originalHeaders, Exception exception) {
        String deadLetterTopic = Topics.deadLetterTopic(topic);
        Headers headers = new RecordHeaders();
        if (originalHeaders != null) {
            for (Header header : originalHeaders) {
                if (!header.key().startsWith("kafka_dlt-")) {
                    headers.add(header);
                }
            }
        }
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(exception.getClass().getName()));
        if (exception.getCause() != null) {
            headers.add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, utf8(exception.getCause().getClass().getName()));
        }
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(exception.getMessage())));
        headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, utf8(stackTrace(exception)));
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(topic));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, utf8(timestampType.toString()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(consumerGroup));
        try {
            sink.send(new ProducerRecord<>(deadLetterTopic, null, key, value, headers));
        } catch (RuntimeException e) {
            log.error("Could not dead-letter {}-{}@{} to {}; failing instead of losing it", topic, partition, offset,
                    deadLetterTopic, e);
            return false;
        }
        log.warn("Sent {}-{}@{} to {}: {}", topic, partition, offset, deadLetterTopic, exception.toString());
        Metrics.counter("supportsla.escalation.dead.letters", "topic", topic).increment();
        return true;
    }

    /** The registry could not answer (unreachable, or a server error): the record may well be readable later. */
    static boolean registryUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryUnreachableException) {
                return true;
            }
            if (cause instanceof SchemaRegistryException registry && registry.httpStatus() >= 500) {
                return true;
            }
        }
        return false;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String stackTrace(Exception exception) {
        StringWriter text = new StringWriter();
        exception.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
