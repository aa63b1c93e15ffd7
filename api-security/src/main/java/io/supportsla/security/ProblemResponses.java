package io.supportsla.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}) where Spring MVC's own
 * handling does not reach, such as security filters. Problem types are URIs under
 * {@link #TYPE_BASE}, shared by every service so clients can switch on them.
 */
public final class ProblemResponses {

    /** The base of every problem type URI of the platform. */
    public static final String TYPE_BASE = "https://supportsla.io/problems/";

    /** No or an invalid API key. */
    public static final URI UNAUTHENTICATED = URI.create(TYPE_BASE + "unauthenticated");

    /** Authenticated, but the caller's role or organisation may not do this. */
    public static final URI FORBIDDEN = URI.create(TYPE_BASE + "forbidden");

    /** The request's path or headers are refused before any application code sees them. */
    public static final URI REJECTED_REQUEST = URI.create(TYPE_BASE + "rejected-request");

    private final ObjectMapper mapper;

    public ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A problem of the given type with the request's path as {@code instance}. */
    public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        if (request != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // A request target the container let through but that is no URI: leave instance out.
            }
        }
        return problem;
    }

    /** Writes the problem as the whole response, with its status. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The problem's members in RFC 9457 order, extension members at the top level. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
