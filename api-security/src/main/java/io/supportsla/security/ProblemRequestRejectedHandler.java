package io.supportsla.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request Spring Security's firewall refuses (an encoded slash or percent, dot
 * segments, a control character in the path or a header) with 400 problem+json, like every other
 * refusal of the platform's APIs, instead of the container's error page.
 */
public final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

    private final ProblemResponses problems;

    public ProblemRequestRejectedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
        problems.write(response, ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemResponses.REJECTED_REQUEST,
                "Request rejected", "The request's path or headers are not allowed (an encoded slash or percent sign,"
                        + " a dot segment, or a control character)", null));
    }
}
