package io.supportsla.intake.portal;

import io.supportsla.intake.CaseCreation;
import io.supportsla.intake.CaseIntake;
import io.supportsla.intake.cases.Transport;
import io.supportsla.intake.idempotency.IdempotencyKey;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.intake.rules.Refusal;
import io.supportsla.intake.rules.RefusalReason;
import io.supportsla.intake.validation.StrictJsonBinder;
import io.supportsla.schemas.Topics;
import io.supportsla.security.ApiKeyRegistry;
import io.supportsla.security.Caller;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Kafka ingress: each portal submission goes through the same validation and rules as
 * {@code POST /cases}. Accepted ones become {@code CaseCreated}; refused ones go to the rejected
 * topic with their reasons, and the listener carries on. A record that is not JSON at all goes to
 * {@code portal.case-submissions.dlq} as received, with Spring Kafka's {@code kafka_dlt-*}
 * headers. When Kafka or the registry is unavailable the submission is retried, in order, until it
 * can be recorded; its {@code submissionId} is its idempotency key, so a redelivered or
 * republished submission opens one case.
 */
public class PortalSubmissionListener {

    private static final Logger log = LoggerFactory.getLogger(PortalSubmissionListener.class);

    private final ObjectMapper json;
    private final StrictJsonBinder binder;
    private final ApiKeyRegistry identities;
    private final CaseIntake intake;
    private final RejectedSubmissions rejected;
    private final IntakeMetrics metrics;

    public PortalSubmissionListener(ObjectMapper json, StrictJsonBinder binder, ApiKeyRegistry identities, CaseIntake intake,
                                    RejectedSubmissions rejected, IntakeMetrics metrics) {
        this.json = json;
        this.binder = binder;
        this.identities = identities;
        this.intake = intake;
        this.rejected = rejected;
        this.metrics = metrics;
    }

    @KafkaListener(id = "portal-submissions", idIsGroup = false, topics = Topics.PORTAL_CASE_SUBMISSIONS,
            containerFactory = PortalConfiguration.CONTAINER_FACTORY, autoStartup = "${intake.portal.listener-enabled:true}")
    public void onSubmission(ConsumerRecord<String, byte[]> record) {
        JsonNode submission = decode(record);
        PortalSubmission accepted;
        Caller caller;
        IdempotencyKey key;
        try {
            accepted = binder.bind(submission, PortalSubmission.class);
            caller = identities.callerNamed(accepted.submittedBy()).orElseThrow(() -> Refusal.of(RefusalReason.UNKNOWN_SUBMITTER,
                    "'" + accepted.submittedBy() + "' is not a configured API key name").atField("submittedBy", "is not a known identity"));
            key = IdempotencyKey.of(accepted.submissionId(), "submissionId");
        } catch (Refusal refusal) {
            reject(record, submission, textOrNull(submission, "submissionId"), refusal, "");
            return;
        }
        try {
            CaseCreation creation = intake.open(caller, accepted.request(), Transport.KAFKA, Optional.of(key));
            log.info("Portal submission {} ({}-{}@{}) {} case {}", accepted.submissionId(), record.topic(), record.partition(),
                    record.offset(), creation.replayed() ? "had already opened" : "opened", creation.supportCase().number());
        } catch (Refusal refusal) {
            // The rules name fields of the case; in the submission they are under "case".
            reject(record, submission, accepted.submissionId(), refusal, "case.");
        }
    }

    private void reject(ConsumerRecord<String, byte[]> record, JsonNode submission, String submissionId, Refusal refusal,
                        String fieldPrefix) {
        metrics.refused(refusal.reason().name(), Transport.KAFKA);
        log.info("Portal submission {} ({}-{}@{}) rejected: {}", submissionId, record.topic(), record.partition(), record.offset(),
                refusal.getMessage());
        rejected.publish(record, submission, submissionId, refusal, fieldPrefix);
    }

    private JsonNode decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new UndecodableSubmissionException("The record has no value", null);
        }
        try {
            return json.readTree(record.value());
        } catch (JacksonException e) {
            throw new UndecodableSubmissionException("Not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    private static String textOrNull(JsonNode submission, String field) {
        JsonNode value = submission.isObject() ? submission.get(field) : null;
        return value != null && value.isString() ? value.asString() : null;
    }
}
