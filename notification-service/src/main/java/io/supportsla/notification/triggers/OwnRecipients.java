package io.supportsla.notification.triggers;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.supportsla.schemas.common.RecipientRole;

/**
 * The recipients this service tells on its own (escalation recipients arrive inside the escalation):
 * the consulting team queue (SLA warnings), the hotline on-call (SEV1 call-out), the on-duty
 * technicians (answering-service calls) and consultants' own addresses for status-update reminders.
 *
 * @param consultantEmails consultant principal to email address
 */
public record OwnRecipients(Recipient consultingTeam, Recipient hotlineOnCall, Recipient onDutyTechnicians,
        Map<String, String> consultantEmails) {

    public OwnRecipients {
        Objects.requireNonNull(consultingTeam, "consultingTeam");
        Objects.requireNonNull(hotlineOnCall, "hotlineOnCall");
        Objects.requireNonNull(onDutyTechnicians, "onDutyTechnicians");
        consultantEmails = Map.copyOf(consultantEmails);
    }

    /** Who is reminded of a status update: the case's consultant when their address is known, else the team queue. */
    public Recipient statusUpdateRecipient(String consultantPrincipal) {
        return Optional.ofNullable(consultantPrincipal)
                .map(principal -> Optional.ofNullable(consultantEmails.get(principal))
                        .map(email -> new Recipient(principal, RecipientRole.CASE_CONSULTANT, email, null, null))
                        .orElse(null))
                .orElse(consultingTeam);
    }
}
