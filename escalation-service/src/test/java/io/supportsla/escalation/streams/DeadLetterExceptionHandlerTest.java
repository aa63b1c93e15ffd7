package io.supportsla.escalation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.serde.registry.SchemaRegistryUnreachableException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A record that cannot be read is dead-lettered, unless the registry is what failed: then it is read again later. */
class DeadLetterExceptionHandlerTest {

    /** The deserialization path does not look at the context. */
    private static final ErrorHandlerContext NO_CONTEXT = null;

    private final List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    private final DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();
    private final ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("support.sla-events", 1, 42L,
            "C-0001-0001".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 9, 1});

    @BeforeEach
    void configure() {
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "escalation-service",
                DeadLetterExceptionHandler.SINK_CONFIG, (DeadLetterSink) deadLetters::add));
    }

    @Test
    void aRecordOfASchemaTheRegistryDoesNotKnowIsDeadLettered() {
        SchemaRegistryException notFound = new SchemaRegistryException("Schema 9 not found", 404, 40403);

        DeserializationHandlerResponse response = handler.handle(NO_CONTEXT, record, new SerializationException("unreadable", notFound));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("support.sla-events.dlq");
            assertThat(letter.value()).isEqualTo(record.value());
        });
    }

    @Test
    void aRecordThatCannotBeReadWhileTheRegistryIsUnreachableIsNotDeadLetteredButReadAgain() {
        SchemaRegistryUnreachableException unreachable = new SchemaRegistryUnreachableException("no registry answered",
                List.of(URI.create("http://registry:8081")), 3, new ConnectException("refused"));

        DeserializationHandlerResponse response = handler.handle(NO_CONTEXT, record, unreachable);

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void aRegistryServerErrorIsNotPoisonEither() {
        SchemaRegistryException serverError = new SchemaRegistryException("Store failure", 500, 50001);

        assertThat(handler.handle(NO_CONTEXT, record, new SerializationException("unreadable", serverError)))
                .isEqualTo(DeserializationHandlerResponse.FAIL);
        assertThat(deadLetters).isEmpty();
    }
}
