package io.supportsla.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API-key authentication: before authentication it carries the presented key; after, the
 * {@link Caller} as principal with the authority {@code ROLE_<role>}, and no credentials.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private String presentedKey;

    private ApiKeyAuthentication(String presentedKey) {
        super(List.of());
        this.caller = null;
        this.presentedKey = presentedKey;
        setAuthenticated(false);
    }

    private ApiKeyAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.role().authority())));
        this.caller = caller;
        super.setAuthenticated(true);
    }

    /** A key as presented in a request, still to be checked. */
    public static ApiKeyAuthentication unauthenticated(String presentedKey) {
        return new ApiKeyAuthentication(presentedKey);
    }

    /** A checked key's caller. */
    public static ApiKeyAuthentication authenticated(Caller caller) {
        return new ApiKeyAuthentication(caller);
    }

    /** The presented key before authentication; null afterwards. */
    @Override
    public Object getCredentials() {
        return presentedKey;
    }

    /** The {@link Caller} once authenticated; null before. */
    @Override
    public Object getPrincipal() {
        return caller;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public String getName() {
        return caller == null ? "" : caller.principal();
    }

    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Use ApiKeyAuthentication.authenticated(caller)");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        presentedKey = null;
        super.eraseCredentials();
    }
}
