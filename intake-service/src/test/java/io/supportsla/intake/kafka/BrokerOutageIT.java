package io.supportsla.intake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.intake.testing.IntakeHttp;
import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.Keys;
import io.supportsla.intake.testing.Readiness;
import io.supportsla.intake.testing.SharedSchemaRegistry;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.KafkaBrokers;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the broker gone, intake reports no case as created: 503 with Retry-After, nothing counted
 * as opened or published. Runs on a broker of its own, which it stops; the registry stays up.
 */
@WithKafkaBroker
@ExtendWith(SharedSchemaRegistry.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "intake.kafka.delivery-timeout=3s",
        "intake.kafka.request-timeout=2s",
        "intake.kafka.max-block=2s",
        "intake.idempotency.lease=20s",
        "intake.view.consistency-timeout=2s",
        "intake.api.retry-after=7s",
        "intake.portal.listener-enabled=false"})
@ActiveProfiles({"local", "it"})
@DirtiesContext
class BrokerOutageIT {

    static final KafkaBroker broker = KafkaBrokers.startDedicated();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void useTheDedicatedBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void whileTheBrokerIsDownNoCaseIsReportedAsCreated() {
        IntakeHttp http = new IntakeHttp(port);
        Readiness.awaitReady(http);
        Reply before = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseRequest());
        assertThat(before.status()).as("%s", before).isEqualTo(201);
        String existing = before.json().get("caseNumber").asString();
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        double opened = count("intake.cases.opened");
        double published = count("intake.case.events.published");

        broker.close();
        Reply withKey = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseRequest(), "Idempotency-Key", UUID.randomUUID().toString());
        Reply withoutKey = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseRequest());
        Reply command = http.post("/api/v1/cases/" + existing + "/responses", Keys.CONSULTANT, Map.of("message", "On it"));

        for (Reply unavailable : new Reply[] {withKey, withoutKey, command}) {
            assertThat(unavailable.status()).as("%s", unavailable).isEqualTo(503);
            assertThat(unavailable.header("Retry-After")).contains("7");
            assertThat(unavailable.header("Location")).isEmpty();
            assertThat(unavailable.contentType()).startsWith("application/problem+json");
            assertThat(unavailable.json().get("type").asString()).isEqualTo("https://supportsla.io/problems/service-unavailable");
            assertThat(unavailable.body()).doesNotContain("caseNumber");
        }
        // The producer has given up on anything it was asked to send: nothing was, or will be, published.
        assertThat(count("intake.cases.opened")).isEqualTo(opened);
        assertThat(count("intake.case.events.published")).isEqualTo(published);
        // What this instance knows is still answered, and readiness says the broker is away.
        assertThat(http.get("/api/v1/cases/" + existing, Keys.ACME_HELPDESK).status()).isEqualTo(200);
        Reply readiness = http.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("components").get("kafka").get("status").asString()).isEqualTo("DOWN");
    }

    private double count(String meter) {
        return meters.find(meter).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private static Map<String, Object> caseRequest() {
        return Map.of("customerId", "acme", "category", "VIP_USER", "severity", "SEV1", "title", "CEO offline " + UUID.randomUUID(),
                "description", "The CEO cannot connect from the airport");
    }
}
