package io.supportsla.escalation.rules;

import io.supportsla.schemas.common.RecipientRole;
import java.util.Optional;

/**
 * Who an escalation is with. A level-1 escalation starts with the regional contact; without
 * acknowledgement it passes to the backup manager, then to the director (level 2). A disagreement
 * raised again starts with the director.
 */
public enum Stage {

    REGIONAL_CONTACT(1, RecipientRole.REGIONAL_CONTACT),
    BACKUP_CONTACT(1, RecipientRole.BACKUP_CONTACT),
    DIRECTOR(2, RecipientRole.DIRECTOR);

    private final int level;
    private final RecipientRole role;

    Stage(int level, RecipientRole role) {
        this.level = level;
        this.role = role;
    }

    /** 1: the Manager of Customer Consulting of the respective time zone (or the backup); 2: the director. */
    public int level() {
        return level;
    }

    /** The role of the person told at this stage. */
    public RecipientRole role() {
        return role;
    }

    /** Who is told when this stage's recipient does not acknowledge; empty after the director. */
    public Optional<Stage> next() {
        return switch (this) {
            case REGIONAL_CONTACT -> Optional.of(BACKUP_CONTACT);
            case BACKUP_CONTACT -> Optional.of(DIRECTOR);
            case DIRECTOR -> Optional.empty();
        };
    }
}
