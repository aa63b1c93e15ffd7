package io.supportsla.intake.rules;

import static io.supportsla.security.Role.ANSWERING_SERVICE;
import static io.supportsla.security.Role.CONSULTANT;
import static io.supportsla.security.Role.END_USER;
import static io.supportsla.security.Role.HELPDESK;

import io.supportsla.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** What a caller asks to do, and which roles may (SPEC 3.3: consultant-only actions, support staff log calls). */
public enum Action {
    OPEN_CASE("open cases", "Cases are opened by a customer or partner helpdesk, or by an end user", HELPDESK, END_USER),
    READ_CASES("read cases", "", HELPDESK, END_USER, CONSULTANT, ANSWERING_SERVICE),
    LOG_HOTLINE_CALL("log hotline calls", "Hotline calls are logged by support staff: a consultant or the answering service",
            CONSULTANT, ANSWERING_SERVICE),
    RESPOND("respond to cases", "Only support consultants respond to cases", CONSULTANT),
    POST_STATUS_UPDATE("post status updates", "Only support consultants post status updates", CONSULTANT),
    CHANGE_SEVERITY("reclassify cases", "Only support consultants reclassify cases", CONSULTANT),
    RAISE_DISAGREEMENT("raise disagreements", "Disagreements are raised by the customer's or partner's helpdesk, or by a consultant",
            HELPDESK, CONSULTANT),
    RESOLVE("resolve cases", "Only support consultants resolve cases", CONSULTANT);

    private final String description;
    private final String whoMay;
    private final Set<Role> roles;

    Action(String description, String whoMay, Role first, Role... rest) {
        this.description = description;
        this.whoMay = whoMay;
        this.roles = EnumSet.of(first, rest);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    /** E.g. "respond to cases". */
    public String description() {
        return description;
    }

    /** E.g. "Only support consultants respond to cases". */
    public String whoMay() {
        return whoMay;
    }
}
