package io.supportsla.systemtests;

import java.time.Instant;

import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.schemas.cases.CaseCreated;
import io.supportsla.schemas.common.Region;

/** What the rules say should happen at a moment, from the same calendar settings the services run with. */
final class Scenarios {

    private static final BusinessCalendars CALENDARS = Platform.calendars();

    private Scenarios() {
    }

    /** SPEC §3.4: the region whose office hours contain the moment, the case's own first; else the case's own. */
    static Region respectiveRegion(Region caseRegion, Instant moment) {
        io.supportsla.calendar.Region region = CALENDARS.localBusinessHours()
                .respectiveRegion(io.supportsla.calendar.Region.valueOf(caseRegion.name()), moment);
        return Region.valueOf(region.name());
    }

    /** SPEC §3.5: whether a SEV1 created then is a call-out (a weekend or public holiday in the case's region). */
    static boolean isWeekendOrHoliday(CaseCreated created) {
        return CALENDARS.forRegion(io.supportsla.calendar.Region.valueOf(created.getRegion().name()))
                .isWeekendOrHoliday(created.getReceivedAt());
    }
}
