package io.supportsla.intake.customers;

import java.util.Optional;

/**
 * A partner that serves some customers: their cases come only through the partner's helpdesk.
 *
 * @param id the partner's organisation id (the organisation of its helpdesk's API keys)
 * @param name display name, used in refusals ("please contact ...")
 * @param contact how the partner's helpdesk is reached (email or URL), if configured
 */
public record Partner(String id, String name, Optional<String> contact) {
}
