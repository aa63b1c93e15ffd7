package io.supportsla.escalation.directory;

import io.supportsla.schemas.common.Region;
import java.util.Objects;

/**
 * Who takes one region's level-1 escalations: the regional contact (Manager of Customer
 * Consulting / escalation contact of that time zone) and the backup manager told when the contact
 * does not acknowledge in time. The process guide's table: London has a contact and a backup;
 * Redwood Shores' contact is backed up by the London contact; Sydney is covered by the London
 * contact.
 *
 * @param region the region
 * @param office the office's name, e.g. "Redwood Shores"
 * @param contact the level-1 contact
 * @param backup the backup manager
 */
public record RegionalCover(Region region, String office, Contact contact, Contact backup) {

    public RegionalCover {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(backup, "backup");
        if (contact.id().equals(backup.id())) {
            throw new IllegalArgumentException("region " + region + ": the backup must be someone other than the contact ("
                    + contact.id() + "), or a timeout would tell the same person again");
        }
    }
}
