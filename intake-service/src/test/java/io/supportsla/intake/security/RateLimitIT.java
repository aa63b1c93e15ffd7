package io.supportsla.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Requests per API key: a key over its limit (the throttled key: 3 an hour, application-it.yml)
 * gets 429 problem+json with Retry-After, does nothing, and other keys are not affected.
 */
class RateLimitIT extends IntakeITSupport {

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterAndOtherKeysCarryOn() {
        List<Reply> allowed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            allowed.add(http.get("/api/v1/cases", Keys.THROTTLED_HELPDESK));
        }
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply refusedRead = http.get("/api/v1/cases", Keys.THROTTLED_HELPDESK);
        Reply refusedCreate = http.post("/api/v1/cases", Keys.THROTTLED_HELPDESK, caseFor("acme", "VIP_USER", "SEV1"));

        assertThat(allowed).extracting(Reply::status).containsOnly(200);
        for (Reply refused : List.of(refusedRead, refusedCreate)) {
            assertProblem(refused, 429, "RATE_LIMITED");
            long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
            assertThat(retryAfter).as("seconds until the next request is allowed").isBetween(1L, 3_600L);
        }
        assertNoEventSince(before);
        assertThat(http.get("/api/v1/cases", Keys.ACME_HELPDESK).status()).as("another key of the same organisation").isEqualTo(200);
        Reply metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Accept", "text/plain"));
        assertThat(metrics.body()).contains("intake_refusals_total{", "reason=\"RATE_LIMITED\"");
    }

    @Test
    void anUnauthenticatedRequestIsRefusedAs401WithoutCountingAgainstAnyKey() {
        Reply reply = http.get("/api/v1/cases", "not-a-configured-key");

        assertProblem(reply, 401, null);
    }
}
