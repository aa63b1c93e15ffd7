package io.supportsla.security;

/**
 * The role an API key acts in. Helpdesks (customer or partner organisations) and end users
 * belong to the customer side; consultants and the answering service to the support
 * organisation. What each role may do is decided by the service owning the action.
 */
public enum Role {
    /** A customer's or a partner's helpdesk. */
    HELPDESK,
    /** An end user of a customer that offers direct end-user support. */
    END_USER,
    /** A support consultant of the support organisation. */
    CONSULTANT,
    /** The answering service (live operator) that takes hotline calls when no technician is free. */
    ANSWERING_SERVICE;

    /** The Spring Security authority of this role, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
