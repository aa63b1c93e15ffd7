package io.supportsla.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Checks a presented API key against the {@link ApiKeyRegistry}. */
public final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyRegistry registry;

    public ApiKeyAuthenticationProvider(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Object presented = authentication.getCredentials();
        return registry.authenticate(presented instanceof String key ? key : null)
                .map(ApiKeyAuthentication::authenticated)
                .orElseThrow(() -> new BadCredentialsException("The API key is not valid"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }
}
