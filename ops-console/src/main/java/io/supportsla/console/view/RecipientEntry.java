package io.supportsla.console.view;

import io.supportsla.schemas.common.Recipient;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;

/**
 * A person or team told about something, without their addresses: the console never shows email
 * addresses or pager routing keys (a routing key lets anyone page that person).
 */
public record RecipientEntry(String name, RecipientRole role, Region office) {

    static RecipientEntry of(Recipient recipient) {
        return new RecipientEntry(recipient.getName(), recipient.getRole(), recipient.getOffice());
    }
}
