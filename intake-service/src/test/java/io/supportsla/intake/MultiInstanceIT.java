package io.supportsla.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp;
import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import io.supportsla.intake.testing.Readiness;
import io.supportsla.schemas.cases.CaseCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several instances on one broker, and restarts: case numbers stay unique and ordered, a key's
 * retry on another instance gets the first result, and a restarted instance knows every case.
 */
class MultiInstanceIT extends IntakeITSupport {

    @Test
    void aRetryOnAnotherInstanceOrAfterARestartReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = caseFor("acme", "VIP_USER", "SEV1");
        Map<TopicPartition, Long> before = events.endOffsets();
        Reply first = http.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key);
        String caseNumber = first.json().get("caseNumber").asString();

        try (ConfigurableApplicationContext second = startInstance()) {
            IntakeHttp other = http(second);
            Reply retry = other.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key);
            assertThat(retry.status()).as("%s", retry).isEqualTo(201);
            assertThat(retry.json().get("caseNumber").asString()).isEqualTo(caseNumber);
            // A command on the other instance, a moment after the case was opened here, sees the case.
            assertThat(other.post(casePath(caseNumber) + "/responses", Keys.CONSULTANT, Map.of("message", "On it")).status())
                    .isEqualTo(200);
        }
        String later;
        try (ConfigurableApplicationContext restarted = startInstance()) {
            IntakeHttp fresh = http(restarted);
            Reply read = fresh.get(casePath(caseNumber), Keys.ACME_HELPDESK);
            assertThat(read.status()).as("%s", read).isEqualTo(200);
            assertThat(read.json().get("pointOfContact").get("principal").asString()).isEqualTo("jane-consultant");
            assertThat(fresh.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key).json().get("caseNumber").asString())
                    .isEqualTo(caseNumber);
            assertProblem(fresh.post("/api/v1/cases", Keys.ACME_HELPDESK, with(body, "title", "Changed"), "Idempotency-Key", key),
                    422, "IDEMPOTENCY_KEY_REUSED");
            later = fresh.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("acme", "VIP_USER", "SEV1")).json()
                    .get("caseNumber").asString();
        }

        assertThat(later).isGreaterThan(caseNumber);
        assertThat(events.eventsSince(before).stream().filter(event -> event.getPayload() instanceof CaseCreated)
                .map(event -> event.getCaseNumber())).containsExactlyInAnyOrder(caseNumber, later);
    }

    @Test
    void instancesRacingOnOneKeyOpenOneCaseAndNumbersStayUnique() {
        try (ConfigurableApplicationContext second = startInstance()) {
            IntakeHttp other = http(second);
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = caseFor("acme", "USER_MANAGEMENT", "SEV1");
            Map<TopicPartition, Long> before = events.endOffsets();

            List<CompletableFuture<Reply>> racing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                racing.add(CompletableFuture.supplyAsync(() -> http.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key)));
                racing.add(CompletableFuture.supplyAsync(() -> other.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key)));
            }
            List<CompletableFuture<Reply>> plain = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                IntakeHttp instance = i % 2 == 0 ? http : other;
                plain.add(CompletableFuture.supplyAsync(() -> instance.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("acme", "VIP_USER", "SEV1"))));
            }
            List<Reply> replies = racing.stream().map(CompletableFuture::join).toList();
            List<String> plainNumbers = plain.stream().map(CompletableFuture::join)
                    .map(reply -> reply.json().get("caseNumber").asString()).toList();

            assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isIn(201, 409));
            List<String> keyed = replies.stream().filter(reply -> reply.status() == 201)
                    .map(reply -> reply.json().get("caseNumber").asString()).distinct().toList();
            assertThat(keyed).hasSize(1);
            List<String> created = events.eventsSince(before).stream().map(event -> event.getCaseNumber()).toList();
            assertThat(created).hasSize(5).doesNotHaveDuplicates().containsAll(plainNumbers).contains(keyed.get(0));
        }
    }

    private static ConfigurableApplicationContext startInstance() {
        return new SpringApplicationBuilder(IntakeApplication.class)
                .profiles("local", "it")
                .run("--server.port=0", "--intake.portal.listener-enabled=false", "--spring.main.banner-mode=off");
    }

    private static IntakeHttp http(ConfigurableApplicationContext instance) {
        IntakeHttp http = new IntakeHttp(instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        Readiness.awaitReady(http);
        return http;
    }
}
