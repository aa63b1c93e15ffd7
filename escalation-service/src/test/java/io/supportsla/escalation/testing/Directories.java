package io.supportsla.escalation.testing;

import io.supportsla.escalation.directory.Contact;
import io.supportsla.escalation.directory.EscalationDirectory;
import io.supportsla.escalation.directory.RegionalCover;
import io.supportsla.schemas.common.Region;
import java.util.List;

/** The process guide's directory with example addresses, as the tests use it. */
public final class Directories {

    public static final Contact LONDON_CONTACT = new Contact("london-contact", "London escalation contact",
            "escalations.london@example.com", "examplelondoncontact000000000001", Region.EMEA);
    public static final Contact LONDON_BACKUP = new Contact("london-backup", "London backup manager",
            "escalations.london.backup@example.com", "examplelondonbackup0000000000001", Region.EMEA);
    public static final Contact REDWOOD_SHORES_CONTACT = new Contact("redwood-shores-contact", "Redwood Shores escalation contact",
            "escalations.redwood-shores@example.com", "exampleredwoodshores000000000001", Region.AMER);
    public static final Contact DIRECTOR = new Contact("director", "Director of Customer Consulting",
            "director.customer-consulting@example.org", "exampledirector00000000000000001", null);
    public static final Contact HOTLINE_ON_CALL = new Contact("hotline-on-call", "Severity 1 hotline on-call",
            "hotline.on-call@example.org", "examplehotlineoncall000000000001", null);

    private Directories() {
    }

    /** London contact and backup; Redwood Shores backed up by the London contact; Sydney covered by London. */
    public static EscalationDirectory processGuide() {
        return new EscalationDirectory(List.of(
                new RegionalCover(Region.EMEA, "London", LONDON_CONTACT, LONDON_BACKUP),
                new RegionalCover(Region.AMER, "Redwood Shores", REDWOOD_SHORES_CONTACT, LONDON_CONTACT),
                new RegionalCover(Region.APAC, "Sydney", LONDON_CONTACT, LONDON_BACKUP)),
                DIRECTOR, HOTLINE_ON_CALL);
    }
}
