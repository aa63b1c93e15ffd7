package io.supportsla.intake.customers;

import io.supportsla.schemas.common.Region;
import java.time.Duration;
import java.util.Optional;

/**
 * A customer as the customer directory describes it.
 *
 * @param id the customer's organisation id (the organisation of its helpdesk's and end users' API keys)
 * @param name display name
 * @param region the region whose holidays and offices apply to its cases
 * @param partner the partner serving it, if it is served through one
 * @param directEndUserSupport whether its end users may open cases directly
 * @param statusUpdateInterval the agreed interval between status updates on Severity 1 cases
 */
public record CustomerProfile(String id, String name, Region region, Optional<Partner> partner,
                              boolean directEndUserSupport, Duration statusUpdateInterval) {
}
