package io.supportsla.console.view;

import io.supportsla.security.Caller;
import io.supportsla.security.Role;
import java.util.Objects;

/**
 * Who may see a case, the same rule as intake's API: support staff (consultants and the answering
 * service) see every case; a helpdesk sees the cases of its organisation, as the customer
 * ({@code CaseCreated.customerId}) or as the partner serving the customer ({@code partnerId}); an
 * end user sees the cases they opened. A case whose {@code CaseCreated} has not been read yet is
 * visible to staff only, since its organisation is not known.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    /** The facts of a case that decide who may see it. */
    public record Ownership(String customerId, String partnerId, String openedByPrincipal) {
    }

    public static boolean isStaff(Caller viewer) {
        return viewer.is(Role.CONSULTANT) || viewer.is(Role.ANSWERING_SERVICE);
    }

    /** Only consultants acknowledge escalations (escalation-service accepts no other role's key). */
    public static boolean mayAcknowledge(Caller viewer) {
        return viewer.is(Role.CONSULTANT);
    }

    /**
     * @param ownership the case's facts, or null when its {@code CaseCreated} has not been read
     */
    public static boolean maySee(Caller viewer, Ownership ownership) {
        if (isStaff(viewer)) {
            return true;
        }
        if (ownership == null) {
            return false;
        }
        return switch (viewer.role()) {
            case HELPDESK -> viewer.belongsTo(ownership.customerId())
                    || (ownership.partnerId() != null && viewer.belongsTo(ownership.partnerId()));
            case END_USER -> viewer.belongsTo(ownership.customerId())
                    && Objects.equals(viewer.principal(), ownership.openedByPrincipal());
            case CONSULTANT, ANSWERING_SERVICE -> true;
        };
    }
}
