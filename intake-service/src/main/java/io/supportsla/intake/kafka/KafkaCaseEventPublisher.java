package io.supportsla.intake.kafka;

import io.supportsla.intake.cases.CaseEventPublisher;
import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.cases.CaseEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes case events as Avro (Confluent wire format, schema in the registry) keyed by case
 * number, and waits for the broker's acknowledgement. It waits longer than the producer's own
 * bound ({@code max.block.ms + delivery.timeout.ms}), so a failure it reports is the producer's
 * final word: the event was not sent and will not be sent later.
 */
public final class KafkaCaseEventPublisher implements CaseEventPublisher {

    private static final Duration WAIT_MARGIN = Duration.ofSeconds(2);

    private final KafkaTemplate<String, CaseEvent> template;
    private final Duration publishBound;
    private final Duration retryAfter;
    private final IntakeMetrics metrics;

    public KafkaCaseEventPublisher(KafkaTemplate<String, CaseEvent> template, Duration publishBound, Duration retryAfter,
                                   IntakeMetrics metrics) {
        this.template = template;
        this.publishBound = publishBound;
        this.retryAfter = retryAfter;
        this.metrics = metrics;
    }

    @Override
    public void publish(CaseEvent event) {
        try {
            template.send(Topics.CASE_EVENTS.name(), event.getCaseNumber(), event)
                    .get(publishBound.plus(WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unavailable(event, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw unavailable(event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(event, e);
        }
        metrics.eventPublished(typeOf(event));
    }

    private IntakeUnavailableException unavailable(CaseEvent event, Throwable cause) {
        return new IntakeUnavailableException("Case " + event.getCaseNumber() + ": " + typeOf(event)
                + " could not be published to " + Topics.CASE_EVENTS.name() + " (" + cause + ")", retryAfter, cause);
    }

    private static String typeOf(CaseEvent event) {
        return event.getPayload() instanceof SpecificRecord record ? record.getSchema().getName() : "Unknown";
    }
}
