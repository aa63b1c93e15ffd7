package io.supportsla.escalation.directory;

import io.supportsla.schemas.common.Region;
import java.util.Objects;

/**
 * One person or team in the escalation directory with the address of each channel.
 *
 * @param id the directory key, e.g. {@code london-contact}; also the recipient a signed acknowledgement link names
 * @param name display name, e.g. "London escalation contact"
 * @param email where emails go
 * @param pagerRoutingKey the pager (PagerDuty Events API v2) routing key pages go to
 * @param office the region of the person's office; null for people who belong to none (the hotline on-call)
 */
public record Contact(String id, String name, String email, String pagerRoutingKey, Region office) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(pagerRoutingKey, "pagerRoutingKey");
    }
}
