package io.supportsla.escalation.api;

import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;
import io.supportsla.escalation.streams.EscalationBindings;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * Writes checked acknowledgement requests to the service's command topic, keyed by case number so
 * they reach the partition holding the escalation; returns once the broker has them.
 */
@Component
class AcknowledgementRequests {

    private final Producer<String, AcknowledgementRequest> producer;

    AcknowledgementRequests(Producer<String, AcknowledgementRequest> producer) {
        this.producer = producer;
    }

    void publish(AcknowledgementRequest request) {
        try {
            producer.send(new ProducerRecord<>(EscalationBindings.ACKNOWLEDGEMENT_REQUESTS_TOPIC, request.caseNumber(), request))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.stateUnavailable("Interrupted while recording the acknowledgement");
        } catch (ExecutionException | TimeoutException e) {
            throw ApiProblem.stateUnavailable("The acknowledgement could not be recorded: " + e.getMessage());
        }
    }
}
