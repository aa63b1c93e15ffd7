package io.supportsla.escalation.it;

import static io.supportsla.escalation.testing.Events.breached;
import static io.supportsla.escalation.testing.Events.caseCreated;
import static io.supportsla.escalation.testing.Events.reportedAgain;
import static io.supportsla.escalation.testing.Events.responseBreached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.TargetKind;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker and the real schema registry: a breach escalates exactly once, and still exactly
 * once when it is delivered again after the service restarts with empty local state (its state and
 * timers come back from the changelog topics).
 */
@WithKafkaBroker
class EscalationRestartIT {

    private static final String CASE = "C-0001-0001";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String registryUrl;
    private static PlatformTopics topics;

    @BeforeAll
    static void connect(KafkaBroker broker) {
        registryUrl = SharedSchemaRegistry.url(broker);
        topics = new PlatformTopics(broker, registryUrl);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @Test
    void aBreachEscalatesExactlyOnceAlsoAcrossARestart(@TempDir Path firstStateDir, @TempDir Path secondStateDir) {
        Instant now = Instant.now();
        SlaEvent breach = responseBreached(CASE, Severity.SEV2, Region.EMEA, now);

        try (RunningEscalationService service = RunningEscalationService.start(registryUrl, firstStateDir)) {
            // given a case, when its response target is breached, delivered twice and reported again
            topics.send(Topics.CASE_EVENTS.name(), CASE, caseCreated(CASE, Severity.SEV2, Region.EMEA, now.minus(Duration.ofHours(9))));
            topics.send(Topics.SLA_EVENTS.name(), CASE, breach);
            topics.send(Topics.SLA_EVENTS.name(), CASE, breach);
            topics.send(Topics.SLA_EVENTS.name(), CASE, reportedAgain(breach));
            // and then a later, different breach of the same case marks how far the service has read
            topics.send(Topics.SLA_EVENTS.name(), CASE, breached(CASE, TargetKind.STATUS_UPDATE, Severity.SEV2, Region.EMEA, now.plusSeconds(60)));

            // then the response breach escalated exactly once before the marker's escalation
            List<EscalationEvent> published = awaitRaised(EscalationReason.STATUS_UPDATE_BREACH, 1);
            assertThat(raised(published, EscalationReason.RESPONSE_BREACH)).hasSize(1);
            assertThat(published).hasSize(2);
        }

        // when the service restarts with no local state, and everything is delivered again, plus a poison record
        try (RunningEscalationService service = RunningEscalationService.start(registryUrl, secondStateDir)) {
            topics.send(Topics.SLA_EVENTS.name(), CASE, breach);
            topics.send(Topics.SLA_EVENTS.name(), CASE, reportedAgain(breach));
            topics.sendRaw(Topics.SLA_EVENTS.name(), CASE, "not an Avro record".getBytes(StandardCharsets.UTF_8));
            topics.send(Topics.SLA_EVENTS.name(), CASE, breached(CASE, TargetKind.STATUS_UPDATE, Severity.SEV2, Region.EMEA, now.plusSeconds(120)));

            // then still exactly one escalation for the response breach; the case's numbering carried on
            List<EscalationEvent> published = awaitRaised(EscalationReason.STATUS_UPDATE_BREACH, 2);
            assertThat(raised(published, EscalationReason.RESPONSE_BREACH)).hasSize(1);
            assertThat(published).extracting(event -> ((EscalationRaised) event.getPayload()).getEscalationId())
                    .containsExactly("C-0001-0001-E1", "C-0001-0001-E2", "C-0001-0001-E3");

            // and the poison record went to the dead-letter topic with the error in Spring Kafka's headers
            await("the dead letter").atMost(PATIENCE).untilAsserted(() -> {
                List<ConsumerRecord<byte[], byte[]>> deadLetters = topics.deadLetters(Topics.SLA_EVENTS.deadLetterTopic());
                assertThat(deadLetters).anySatisfy(deadLetter -> {
                    assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("not an Avro record");
                    assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-original-topic").value(),
                            StandardCharsets.UTF_8)).isEqualTo(Topics.SLA_EVENTS.name());
                    assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-original-consumer-group").value(),
                            StandardCharsets.UTF_8)).isEqualTo("escalation-service");
                    assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
                });
            });

            assertThat(service.get("/actuator/prometheus", null).body())
                    .contains("supportsla_escalation_dead_letters_total{", "topic=\"support.sla-events\"");

            // and the state answers queries after the restart
            HttpResponse<String> state = service.get("/api/v1/cases/" + CASE + "/escalations", RunningEscalationService.CONSULTANT_KEY);
            assertThat(state.statusCode()).isEqualTo(200);
            assertThat(state.body()).contains("\"C-0001-0001-E1\"", "\"C-0001-0001-E3\"", "AWAITING_ACKNOWLEDGEMENT");
        }
    }

    private static List<EscalationEvent> awaitRaised(EscalationReason reason, int count) {
        return await("escalations of " + CASE).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> topics.escalationsOf(CASE), events -> raised(events, reason).size() >= count);
    }

    private static List<EscalationEvent> raised(List<EscalationEvent> events, EscalationReason reason) {
        return events.stream()
                .filter(event -> event.getPayload() instanceof EscalationRaised raised && raised.getReason() == reason)
                .toList();
    }
}
