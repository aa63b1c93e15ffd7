package io.supportsla.escalation.rules;

import io.supportsla.calendar.LocalBusinessHours;
import io.supportsla.schemas.common.Region;
import java.time.Instant;
import java.util.Objects;

/**
 * The "respective time zone" of an escalation (SPEC 3.4), as the business calendar decides it:
 * the region whose office hours (09:00-17:00 local, Monday to Friday, minus its holidays) contain
 * the moment, the case's own region first; the case's own region when none is open. This class
 * only translates between the event schema's regions and the calendar's.
 */
public final class RespectiveTimeZone {

    private final LocalBusinessHours officeHours;

    public RespectiveTimeZone(LocalBusinessHours officeHours) {
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
    }

    public Region regionFor(Region caseRegion, Instant moment) {
        io.supportsla.calendar.Region picked =
                officeHours.respectiveRegion(io.supportsla.calendar.Region.valueOf(caseRegion.name()), moment);
        return Region.valueOf(picked.name());
    }
}
