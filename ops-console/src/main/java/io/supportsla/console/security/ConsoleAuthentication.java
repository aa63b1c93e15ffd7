package io.supportsla.console.security;

import io.supportsla.security.Caller;
import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person signed in to the console with an API key: the {@link Caller} the key belongs to as
 * principal (authority {@code ROLE_<role>}), and the key itself, kept in the server-side session
 * only, because acknowledging an escalation calls escalation-service with it. The key never goes
 * back to the browser (the browser holds only the session cookie) and is transient: a session
 * written to disk would lose it, and the person would sign in again to acknowledge.
 */
public final class ConsoleAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final transient String apiKey;

    public ConsoleAuthentication(Caller caller, String apiKey) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
        this.caller = Objects.requireNonNull(caller, "caller");
        this.apiKey = apiKey;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** Never the key: nothing that logs or serialises credentials gets it. */
    @Override
    public Object getCredentials() {
        return null;
    }

    /** The key the person signed in with, to act for them at escalation-service; null if the session lost it. */
    public String apiKey() {
        return apiKey;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.principal();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsoleAuthentication that && that.caller.equals(caller) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }

    @Override
    public String toString() {
        return "ConsoleAuthentication[" + caller + "]";
    }
}
