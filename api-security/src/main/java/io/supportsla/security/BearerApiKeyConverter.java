package io.supportsla.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads {@code Authorization: Bearer <api key>}. No header means no credentials (the request
 * goes on unauthenticated and is refused where authentication is required); a header of another
 * scheme or an empty bearer token is refused at once.
 */
public final class BearerApiKeyConverter implements AuthenticationConverter {

    private static final String BEARER = "bearer ";

    @Override
    public ApiKeyAuthentication convert(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new BadCredentialsException("Send the API key as 'Authorization: Bearer <key>'");
        }
        String key = header.substring(BEARER.length()).strip();
        if (key.isEmpty()) {
            throw new BadCredentialsException("The bearer token is empty: send 'Authorization: Bearer <key>'");
        }
        return ApiKeyAuthentication.unauthenticated(key);
    }
}
