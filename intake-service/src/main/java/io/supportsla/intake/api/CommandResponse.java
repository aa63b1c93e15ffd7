package io.supportsla.intake.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.supportsla.intake.CommandResult;
import io.supportsla.schemas.cases.DisagreementRaised;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * The answer to a command on a case: the event published and the case with it applied.
 *
 * @param eventId the published event's id
 * @param eventType the event's record name, e.g. CaseResponded
 * @param occurredAt when it happened
 * @param disagreementId the new disagreement's id, for a disagreement
 * @param supportCase the case after the event
 */
public record CommandResponse(
        String eventId,
        String eventType,
        Instant occurredAt,
        String disagreementId,
        @JsonProperty("case") CaseResource supportCase) {

    static CommandResponse of(CommandResult result) {
        Object payload = result.event().getPayload();
        return new CommandResponse(result.event().getEventId(),
                payload instanceof SpecificRecord record ? record.getSchema().getName() : null,
                result.event().getOccurredAt(),
                payload instanceof DisagreementRaised raised ? raised.getDisagreementId() : null,
                CaseResource.of(result.after()));
    }
}
