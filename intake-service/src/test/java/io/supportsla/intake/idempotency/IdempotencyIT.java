package io.supportsla.intake.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.testing.IntakeHttp.Reply;
import io.supportsla.intake.testing.IntakeITSupport;
import io.supportsla.intake.testing.Keys;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.cases.CaseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Idempotency-Key: a retried POST /cases returns the first result and publishes nothing more. */
class IdempotencyIT extends IntakeITSupport {

    @Test
    void aRetriedCreateReturnsTheFirstResultAndYieldsOneEvent() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = caseFor("acme", "HOSTED_ADMIN", "SEV1");
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply first = http.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key);
        // The same request again, spelled differently: other field order, other spacing, the default channel spelt out.
        String sameRequest = "{ \"title\": \"" + body.get("title") + "\", \"severity\": \"SEV1\", \"category\": \"HOSTED_ADMIN\","
                + " \"customerId\": \"acme\", \"channel\": \"PORTAL\", \"description\": \"" + body.get("description") + "\" }";
        Reply retry = http.post("/api/v1/cases", Keys.ACME_HELPDESK, sameRequest, "Idempotency-Key", "\"" + key + "\"");

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        List<CaseEvent> published = events.eventsSince(before);
        assertThat(published).hasSize(1);
        assertThat(((CaseCreated) published.get(0).getPayload()).getSubmissionId()).isEqualTo(key);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422AndNoEvent() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = caseFor("acme", "HOSTED_ADMIN", "SEV1");
        assertThat(http.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key).status()).isEqualTo(201);
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply other = http.post("/api/v1/cases", Keys.ACME_HELPDESK, with(body, "title", "Something else entirely"),
                "Idempotency-Key", key);

        assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
        assertNoEventSince(before);
    }

    @Test
    void keysBelongToTheOrganisationThatSentThem() {
        String key = UUID.randomUUID().toString();
        String acme = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("acme", "HOSTED_ADMIN", "SEV1"), "Idempotency-Key", key)
                .json().get("caseNumber").asString();

        Reply northwind = http.post("/api/v1/cases", Keys.NORTHWIND_HELPDESK, caseFor("globex", "HOSTED_ADMIN", "SEV1"),
                "Idempotency-Key", key);

        assertThat(northwind.status()).as("%s", northwind).isEqualTo(201);
        assertThat(northwind.json().get("caseNumber").asString()).isNotEqualTo(acme);
    }

    @Test
    void concurrentRequestsWithOneKeyOpenOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = caseFor("acme", "RESTRICTED_COUNTRY_BLOCKING", "SEV1");
        Map<TopicPartition, Long> before = events.endOffsets();

        List<Reply> replies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Reply>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(() -> http.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key));
            }
            for (Future<Reply> reply : pool.invokeAll(attempts)) {
                replies.add(reply.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // Each racer either got the one case, or was told the first request is still in progress.
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isIn(201, 409));
        List<String> numbers = replies.stream().filter(reply -> reply.status() == 201)
                .map(reply -> reply.json().get("caseNumber").asString()).distinct().toList();
        assertThat(numbers).hasSize(1);
        replies.stream().filter(reply -> reply.status() == 409)
                .forEach(reply -> assertThat(reply.header("Retry-After")).isPresent());
        assertThat(events.eventsSince(before)).hasSize(1);
        Reply afterwards = http.post("/api/v1/cases", Keys.ACME_HELPDESK, body, "Idempotency-Key", key);
        assertThat(afterwards.json().get("caseNumber").asString()).isEqualTo(numbers.get(0));
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        Map<TopicPartition, Long> before = events.endOffsets();

        Reply reply = http.post("/api/v1/cases", Keys.ACME_HELPDESK, caseFor("acme", "HOSTED_ADMIN", "SEV1"),
                "Idempotency-Key", "has spaces in it");

        assertProblem(reply, 400, "INVALID_REQUEST");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertNoEventSince(before);
    }
}
