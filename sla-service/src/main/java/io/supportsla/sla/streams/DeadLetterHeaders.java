package io.supportsla.sla.streams;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The headers of a dead-lettered case event: the record's own headers plus Spring Kafka's standard
 * {@code kafka_dlt-*} headers, encoded as Spring's {@code DeadLetterPublishingRecoverer} encodes
 * them (strings in UTF-8, partition as a 4-byte and offset and timestamp as 8-byte big-endian
 * numbers), so tools written for Spring's dead-letter topics read ours (docs/topics.md).
 */
final class DeadLetterHeaders {

    /** Stack traces are cut here: a header has to fit in a record, and the top frames say what matters. */
    static final int MAX_STACKTRACE_CHARS = 8_000;

    private DeadLetterHeaders() {
    }

    static Headers of(Headers original, RecordMetadata source, long timestamp, String consumerGroup, Exception failure) {
        Headers headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
        text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC, source == null ? "" : source.topic());
        if (source != null) {
            headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(Integer.BYTES).putInt(source.partition()).array());
            headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(Long.BYTES).putLong(source.offset()).array());
        }
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, consumerGroup);
        text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN, failure.getClass().getName());
        if (failure.getCause() != null) {
            text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, failure.getCause().getClass().getName());
        }
        text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE, String.valueOf(failure.getMessage()));
        text(headers, KafkaHeaders.DLT_EXCEPTION_STACKTRACE, stackTrace(failure));
        return headers;
    }

    private static void text(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String stackTrace(Exception failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        return text.length() <= MAX_STACKTRACE_CHARS ? text : text.substring(0, MAX_STACKTRACE_CHARS) + "...";
    }
}
