package io.supportsla.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) and a problem+json body saying
 * what was wrong: no credentials, or credentials that are not a valid API key.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponses problems;
    private final String realm;

    public ProblemAuthenticationEntryPoint(ProblemResponses problems, String realm) {
        this.problems = problems;
        this.realm = realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean presented = exception instanceof BadCredentialsException;
        String challenge = "Bearer realm=\"" + realm + "\"" + (presented ? ", error=\"invalid_token\"" : "");
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        String detail = presented
                ? exception.getMessage()
                : "This action needs an API key: send 'Authorization: Bearer <key>'";
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNAUTHORIZED, ProblemResponses.UNAUTHENTICATED,
                "Authentication required", detail, request);
        problems.write(response, problem);
    }
}
