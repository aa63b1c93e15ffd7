package io.supportsla.security;

import java.util.Objects;

/**
 * Who is calling, as established from an API key: the key's name (never the key itself), the
 * organisation it belongs to and the role it acts in. This is the principal of every
 * authenticated request ({@code @AuthenticationPrincipal Caller caller}); plain Java, so domain
 * code can take it.
 *
 * @param principal the API key's configured name, e.g. {@code acme-helpdesk}
 * @param organisation the organisation the key belongs to: a customer, a partner or the support organisation
 * @param role the role the key acts in
 */
public record Caller(String principal, String organisation, Role role) {

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean belongsTo(String candidateOrganisation) {
        return organisation.equals(candidateOrganisation);
    }

    @Override
    public String toString() {
        return principal + " (" + role + " of " + organisation + ")";
    }
}
