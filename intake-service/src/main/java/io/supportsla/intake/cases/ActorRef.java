package io.supportsla.intake.cases;

import io.supportsla.security.Caller;

/**
 * Who did something on a case, as recorded in its events.
 *
 * @param principal the API key name
 * @param organisation the organisation it belongs to
 * @param role the role it acted in (HELPDESK, END_USER, CONSULTANT, ANSWERING_SERVICE, SYSTEM)
 */
public record ActorRef(String principal, String organisation, String role) {

    public static ActorRef of(Caller caller) {
        return new ActorRef(caller.principal(), caller.organisation(), caller.role().name());
    }

    public boolean isCaller(Caller caller) {
        return principal.equals(caller.principal()) && organisation.equals(caller.organisation());
    }
}
