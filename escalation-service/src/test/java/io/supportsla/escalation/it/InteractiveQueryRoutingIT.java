package io.supportsla.escalation.it;

import static io.supportsla.escalation.it.RunningEscalationService.CONSULTANT_KEY;
import static io.supportsla.escalation.testing.Events.caseCreated;
import static io.supportsla.escalation.testing.Events.responseBreached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share the partitions: each answers for every case, reading its own store or
 * asking the instance that holds the case.
 */
@WithKafkaBroker
class InteractiveQueryRoutingIT {

    private static PlatformTopics topics;
    private static String registryUrl;

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
    void everyInstanceAnswersForEveryCase(@TempDir Path firstStateDir, @TempDir Path secondStateDir) {
        // given one case on each partition, both escalated
        List<String> cases = IntStream.range(0, PlatformTopics.PARTITIONS).mapToObj(InteractiveQueryRoutingIT::caseOnPartition).toList();
        Instant now = Instant.now();
        for (String caseNumber : cases) {
            topics.send(Topics.CASE_EVENTS.name(), caseNumber, caseCreated(caseNumber, Severity.SEV2, Region.EMEA, now.minus(Duration.ofHours(9))));
            topics.send(Topics.SLA_EVENTS.name(), caseNumber, responseBreached(caseNumber, Severity.SEV2, Region.EMEA, now));
        }

        try (RunningEscalationService first = RunningEscalationService.start(registryUrl, firstStateDir);
                RunningEscalationService second = RunningEscalationService.start(registryUrl, secondStateDir)) {
            List<RunningEscalationService> instances = List.of(first, second);
            // when the partitions have settled one on each instance (each holds exactly one of the cases)
            await("one partition on each instance").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> cases.stream().allMatch(caseNumber -> holders(instances, caseNumber) == 1)
                            && holders(List.of(first), cases.get(0)) != holders(List.of(first), cases.get(1)));

            // then each instance answers for both cases, forwarding to the other where needed
            for (RunningEscalationService instance : instances) {
                for (String caseNumber : cases) {
                    HttpResponse<String> answer = instance.get("/api/v1/cases/" + caseNumber + "/escalations", CONSULTANT_KEY);
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.body()).contains("\"caseNumber\":\"" + caseNumber + "\"", "\"" + caseNumber + "-E1\"");
                    HttpResponse<String> one = instance.get("/api/v1/escalations/" + caseNumber + "-E1", CONSULTANT_KEY);
                    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
                    assertThat(one.body()).contains("\"escalationId\":\"" + caseNumber + "-E1\"");
                }
            }
        }
    }

    /** How many of the instances hold the case themselves: a request marked as forwarded is never forwarded again. */
    private static int holders(List<RunningEscalationService> instances, String caseNumber) {
        return (int) instances.stream()
                .filter(instance -> instance.getForwarded("/api/v1/cases/" + caseNumber + "/escalations", CONSULTANT_KEY)
                        .statusCode() == 200)
                .count();
    }

    /** A case number whose records go to the given partition (the default partitioner: murmur2 of the key). */
    private static String caseOnPartition(int partition) {
        for (int sequence = 1; ; sequence++) {
            String caseNumber = String.format("C-0003-%04d", sequence);
            byte[] key = caseNumber.getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PlatformTopics.PARTITIONS == partition) {
                return caseNumber;
            }
        }
    }
}
