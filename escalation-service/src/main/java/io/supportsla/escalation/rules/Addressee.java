package io.supportsla.escalation.rules;

import io.supportsla.escalation.directory.Contact;
import io.supportsla.schemas.common.RecipientRole;
import java.util.Objects;

/** A directory contact told about an escalation, and why (the role in which they are told). */
public record Addressee(Contact contact, RecipientRole role) {

    public Addressee {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(role, "role");
    }
}
