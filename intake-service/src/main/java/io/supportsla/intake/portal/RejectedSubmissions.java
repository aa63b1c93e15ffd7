package io.supportsla.intake.portal;

import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.rules.FieldProblem;
import io.supportsla.intake.rules.Refusal;
import io.supportsla.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Publishes refused portal submissions to {@code portal.case-submissions.rejected}, keyed as
 * submitted, as JSON with the reasons, so the portal can tell its user:
 * <pre>
 * {"submissionId": "...", "rejectedAt": "...", "reason": "PARTNER_SERVED_CUSTOMER", "detail": "...",
 *  "reasons": [{"reason": "...", "field": "case.severity", "message": "..."}], "details": {...},
 *  "submission": {...as submitted...}, "source": {"topic": "...", "partition": 0, "offset": 42}}
 * </pre>
 */
public final class RejectedSubmissions {

    private final KafkaTemplate<String, byte[]> template;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration sendTimeout;
    private final Duration retryAfter;

    public RejectedSubmissions(KafkaTemplate<String, byte[]> template, ObjectMapper json, Clock clock, Duration sendTimeout,
                               Duration retryAfter) {
        this.template = template;
        this.json = json;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
        this.retryAfter = retryAfter;
    }

    /**
     * @param fieldPrefix prefix for field names the refusal gives relative to the case ({@code case.}), or empty
     * @throws IntakeUnavailableException when the broker does not take it (the submission is then retried)
     */
    public void publish(ConsumerRecord<String, byte[]> record, JsonNode submission, String submissionId, Refusal refusal,
                        String fieldPrefix) {
        Map<String, Object> rejection = new LinkedHashMap<>();
        rejection.put("submissionId", submissionId);
        rejection.put("rejectedAt", clock.instant().toString());
        rejection.put("reason", refusal.reason().name());
        rejection.put("detail", refusal.getMessage());
        List<Map<String, Object>> reasons = new ArrayList<>();
        if (refusal.problems().isEmpty()) {
            reasons.add(reason(refusal, null, refusal.getMessage()));
        }
        for (FieldProblem problem : refusal.problems()) {
            reasons.add(reason(refusal, fieldPrefix + problem.field(), problem.detail()));
        }
        rejection.put("reasons", reasons);
        if (!refusal.details().isEmpty()) {
            rejection.put("details", refusal.details());
        }
        rejection.put("submission", submission);
        rejection.put("source", Map.of("topic", record.topic(), "partition", record.partition(), "offset", record.offset()));
        try {
            template.send(new ProducerRecord<>(Topics.PORTAL_CASE_SUBMISSIONS_REJECTED, record.key(), json.writeValueAsBytes(rejection)))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IntakeUnavailableException("Could not publish the rejection of submission " + submissionId, retryAfter,
                    e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("Interrupted publishing a rejection", retryAfter, e);
        }
    }

    private static Map<String, Object> reason(Refusal refusal, String field, String message) {
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("reason", refusal.reason().name());
        reason.put("field", field);
        reason.put("message", message);
        return reason;
    }
}
