package io.supportsla.systemtests;

import io.supportsla.schemas.common.Region;

/**
 * Who is told, as escalation-service's and notification-service's shipped settings say (example
 * addresses only): the escalation directory mirrors the process guide's table, and
 * notification-service pages its own hotline on-call for call-outs.
 */
final class ShippedDirectory {

    /** A person or team and how they are reached. */
    record Person(String email, String pagerRoutingKey) {
    }

    static final Person LONDON_CONTACT = new Person("escalations.london@example.com", "examplelondoncontact000000000001");
    static final Person LONDON_BACKUP = new Person("escalations.london.backup@example.com", "examplelondonbackup0000000000001");
    static final Person REDWOOD_SHORES_CONTACT =
            new Person("escalations.redwood-shores@example.com", "exampleredwoodshores000000000001");
    static final Person DIRECTOR = new Person("director.customer-consulting@example.org", "exampledirector00000000000000001");
    /** The hotline on-call as escalation-service's directory names it (told of SEV1 response breaches). */
    static final Person HOTLINE_ON_CALL = new Person("hotline.on-call@example.org", "examplehotlineoncall000000000001");
    /** notification-service's own hotline on-call recipient (SEV1 call-outs); paged only. */
    static final String CALL_OUT_ROUTING_KEY = "local-hotline-on-call";

    private ShippedDirectory() {
    }

    /** The escalation contact of a time zone: Sydney is covered by London (the guide lists no Sydney manager). */
    static Person contactOf(Region region) {
        return switch (region) {
            case EMEA, APAC -> LONDON_CONTACT;
            case AMER -> REDWOOD_SHORES_CONTACT;
        };
    }

    /** The backup of a time zone's contact: Redwood Shores is backed up by the London contact. */
    static Person backupOf(Region region) {
        return switch (region) {
            case EMEA, APAC -> LONDON_BACKUP;
            case AMER -> LONDON_CONTACT;
        };
    }
}
