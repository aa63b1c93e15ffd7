package io.supportsla.intake.api;

import io.supportsla.intake.cases.Transport;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.security.Caller;
import io.supportsla.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an authenticated caller over its API key's request limit with 429 problem+json and
 * {@code Retry-After} (seconds), before the request does anything. Runs in the security chain after
 * authorization, so unauthenticated requests are refused (401) without being counted against a key.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    static final URI RATE_LIMITED = URI.create(ProblemResponses.TYPE_BASE + "rate-limited");

    private final ApiKeyRateLimits limits;
    private final ProblemResponses problems;
    private final IntakeMetrics metrics;

    public RateLimitFilter(ApiKeyRateLimits limits, ProblemResponses problems, IntakeMetrics metrics) {
        this.limits = limits;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            Optional<Duration> wait = limits.acquire(caller.principal());
            if (wait.isPresent()) {
                metrics.refused("RATE_LIMITED", Transport.HTTP);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
                ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED,
                        "Too many requests", "This API key made more requests than its limit allows; retry after "
                                + wait.get().toSeconds() + " s", request);
                problem.setProperty("reason", "RATE_LIMITED");
                problems.write(response, problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
