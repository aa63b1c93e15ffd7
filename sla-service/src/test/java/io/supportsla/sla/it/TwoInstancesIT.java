package io.supportsla.sla.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaBreached;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.schemas.sla.SlaTimerStarted;
import io.supportsla.sla.testing.CaseEvents;
import io.supportsla.sla.testing.CaseEventsProducer;
import io.supportsla.sla.testing.SlaEventsCollector;
import io.supportsla.sla.testing.SlaServiceInstance;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two sla-service instances with the same application id share the case partitions: the query API
 * answers for keys held by either through either, the queue is merged from both, and when one
 * stops the other takes over its timers and fires every one exactly once.
 */
@WithKafkaBroker
class TwoInstancesIT {

    private static final int PARTITIONS = 6;
    /** Long enough to stop an instance (and for the group to notice, one session timeout) before the deadlines. */
    private static final Duration SEV1_TARGET = Duration.ofSeconds(40);

    private KafkaBroker broker;
    private EmbeddedSchemaRegistry registry;
    private CaseEventsProducer producer;
    private SlaEventsCollector events;
    private final List<SlaServiceInstance> instances = new ArrayList<>();
    private Map<String, String> settings;

    @BeforeEach
    void start(KafkaBroker kafka) {
        broker = kafka;
        registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String caseEvents = "it.two-" + suffix + ".case-events";
        String slaEvents = "it.two-" + suffix + ".sla-events";
        broker.createTopic(caseEvents, PARTITIONS);
        broker.createTopic(slaEvents, PARTITIONS);
        broker.createTopic(Topics.deadLetterTopic(caseEvents), 1);
        producer = new CaseEventsProducer(kafka.bootstrapServers(), registry.url(), caseEvents);
        events = new SlaEventsCollector(kafka.bootstrapServers(), registry.url(), slaEvents);
        settings = new LinkedHashMap<>();
        settings.put("spring.cloud.stream.bindings.slaTimers-in-0.destination", caseEvents);
        settings.put("spring.cloud.stream.bindings.slaTimers-out-0.destination", slaEvents);
        settings.put("spring.cloud.stream.kafka.streams.binder.functions.slaTimers.application-id", "sla-service-it-two-" + suffix);
        settings.put("spring.cloud.stream.kafka.streams.binder.configuration.schema.registry.url", registry.url());
        // The survivor takes over a stopped instance's partitions after one session timeout.
        settings.put("spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms", "6000");
        settings.put("spring.cloud.stream.kafka.streams.binder.configuration.heartbeat.interval.ms", "1500");
        settings.put("support.sla.targets.sev1-case-only", SEV1_TARGET.toString());
        settings.put("support.sla.timers.punctuation-interval", "100ms");
    }

    @AfterEach
    void stop() {
        instances.forEach(SlaServiceInstance::close);
        events.close();
        producer.close();
        registry.close();
    }

    @Test
    void queriesAreRoutedToTheInstanceHoldingTheKeyAndStoppingOneStillFiresEveryTimerExactlyOnce() {
        SlaServiceInstance a = startInstance();
        SlaServiceInstance b = startInstance();
        await().atMost(Duration.ofSeconds(90)).until(() -> a.isRunning() && b.isRunning()
                && a.instancesHoldingCases().containsAll(List.of(a.hostAndPort(), b.hostAndPort())));

        // Given 8 SEV1 cases (short target) and one case of each other type, received in this order
        List<String> sev1 = new ArrayList<>();
        Instant received = Instant.now();
        for (int i = 1; i <= 8; i++) {
            String caseNumber = "TWO-SEV1-" + i;
            sev1.add(caseNumber);
            producer.send(CaseEvents.created(caseNumber, Severity.SEV1, Region.EMEA, received.plusMillis(i)));
        }
        producer.send(CaseEvents.created("TWO-EU", Severity.END_USER_ISSUE, Region.AMER, received.plusMillis(9)));
        producer.send(CaseEvents.created("TWO-SEV3", Severity.SEV3, Region.APAC, received.plusMillis(10)));
        producer.send(CaseEvents.created("TWO-SEV2", Severity.SEV2, Region.EMEA, received.plusMillis(11)));
        List<String> all = new ArrayList<>(sev1);
        all.addAll(List.of("TWO-SEV2", "TWO-SEV3", "TWO-EU"));
        await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().allMatch(n -> !events.eventsOf(n).isEmpty()));

        // Then instance A answers for every case, reading each from the instance that holds it
        Map<String, String> servedBy = new HashMap<>();
        for (String caseNumber : all) {
            HttpResponse<String> answer = a.get("/api/v1/sla/cases/" + caseNumber);
            assertThat(answer.statusCode()).as(caseNumber + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"caseNumber\":\"" + caseNumber + "\"");
            servedBy.put(caseNumber, field(answer.body(), "servedBy"));
        }
        assertThat(servedBy.values()).as("some keys are held by each instance").contains(a.hostAndPort(), b.hostAndPort());
        assertThat(b.get("/api/v1/sla/cases/NOT-THERE").statusCode()).isEqualTo(404);

        // And the queue, merged from both instances, is in SPEC order: SEV1 by receipt, SEV2, SEV3, END_USER_ISSUE
        HttpResponse<String> queue = b.get("/api/v1/sla/queue");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("\"complete\":true");
        List<String> expectedOrder = new ArrayList<>(sev1);
        expectedOrder.addAll(List.of("TWO-SEV2", "TWO-SEV3", "TWO-EU"));
        assertThat(caseNumbersIn(queue.body())).containsExactlyElementsOf(expectedOrder);
        assertThat(queue.body()).as("ISO-8601 instants and durations")
                .containsPattern("\"receivedAt\":\"20\\d\\d-")
                .containsPattern("\"timeToDeadline\":\"-?PT");

        // When B stops well before the deadlines
        Instant firstDeadline = sev1.stream().map(this::deadline).min(Instant::compareTo).orElseThrow();
        List<String> heldByB = sev1.stream().filter(n -> b.hostAndPort().equals(servedBy.get(n))).toList();
        b.close();
        instances.remove(b);
        Instant bStopped = Instant.now();
        assertThat(bStopped).as("B stopped before any deadline").isBefore(firstDeadline);

        // Then every SEV1 case breaches exactly once, B's on A after B stopped, and nothing else breaches
        await().atMost(SEV1_TARGET.plusSeconds(60)).until(() -> sev1.stream().allMatch(n -> breaches(n) >= 1));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> sev1.stream().allMatch(n -> breaches(n) == 1));
        assertThat(breaches("TWO-SEV2") + breaches("TWO-SEV3") + breaches("TWO-EU")).isZero();
        assertThat(heldByB).as("B held some SEV1 cases").isNotEmpty();
        for (String caseNumber : heldByB) {
            assertThat(breach(caseNumber).getOccurredAt()).as(caseNumber + " fired by A after B stopped").isAfter(bStopped);
        }
        HttpResponse<String> afterFailover = a.get("/api/v1/sla/cases/" + heldByB.get(0));
        assertThat(afterFailover.statusCode()).isEqualTo(200);
        assertThat(field(afterFailover.body(), "servedBy")).isEqualTo(a.hostAndPort());
    }

    private SlaServiceInstance startInstance() {
        SlaServiceInstance instance = SlaServiceInstance.start(settings);
        instances.add(instance);
        return instance;
    }

    private long breaches(String caseNumber) {
        return events.eventsOf(caseNumber).stream().filter(e -> e.getPayload() instanceof SlaBreached).count();
    }

    private SlaEvent breach(String caseNumber) {
        return events.eventsOf(caseNumber).stream().filter(e -> e.getPayload() instanceof SlaBreached).findFirst().orElseThrow();
    }

    private Instant deadline(String caseNumber) {
        return ((SlaTimerStarted) events.eventsOf(caseNumber).get(0).getPayload()).getTarget().getDeadline();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<String> caseNumbersIn(String json) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"caseNumber\":\"([^\"]*)\"").matcher(json);
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }
}
