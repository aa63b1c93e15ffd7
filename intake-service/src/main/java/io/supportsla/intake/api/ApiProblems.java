package io.supportsla.intake.api;

import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.cases.Transport;
import io.supportsla.intake.idempotency.IdempotentRequestInProgressException;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.intake.rules.FieldProblem;
import io.supportsla.intake.rules.Refusal;
import io.supportsla.intake.rules.RefusalReason;
import io.supportsla.security.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every failure of the HTTP API as RFC 9457 problem details ({@code application/problem+json}).
 * Refusals keep their rule's code as {@code reason}, with {@code errors} naming each bad field;
 * bad input is always a 4xx and never reaches Kafka. 503 and 409 carry {@code Retry-After}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final URI SERVICE_UNAVAILABLE = URI.create(ProblemResponses.TYPE_BASE + "service-unavailable");
    static final URI IN_PROGRESS = URI.create(ProblemResponses.TYPE_BASE + "idempotent-request-in-progress");

    private final IntakeMetrics metrics;
    private final long maxBodySize;

    ApiProblems(IntakeMetrics metrics, io.supportsla.intake.IntakeProperties properties) {
        this.metrics = metrics;
        this.maxBodySize = properties.api().maxBodySize().toBytes();
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal refusal, HttpServletRequest request) {
        metrics.refused(refusal.reason().name(), Transport.HTTP);
        ProblemDetail problem = ProblemResponses.problem(status(refusal.reason()), type(refusal.reason()),
                refusal.reason().title(), refusal.getMessage(), request);
        problem.setProperty("reason", refusal.reason().name());
        if (!refusal.problems().isEmpty()) {
            problem.setProperty("errors", errors(refusal.problems()));
        }
        refusal.details().forEach(problem::setProperty);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(IntakeUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(IntakeUnavailableException unavailable, HttpServletRequest request) {
        log.warn("503 for {} {}: {}", request.getMethod(), request.getRequestURI(), unavailable.getMessage());
        metrics.unavailable(Transport.HTTP);
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE,
                "Service temporarily unavailable", "The request was not recorded: Kafka or the schema registry is not"
                        + " available. Retry later; with an Idempotency-Key a retry is safe.", request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, seconds(unavailable.retryAfter()))
                .body(problem);
    }

    @ExceptionHandler(IdempotentRequestInProgressException.class)
    ResponseEntity<ProblemDetail> inProgress(IdempotentRequestInProgressException inProgress, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, IN_PROGRESS, "Request in progress",
                inProgress.getMessage(), request);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header(HttpHeaders.RETRY_AFTER, seconds(inProgress.retryAfter()))
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        if (causedBy(exception, PayloadTooLargeException.class)) {
            metrics.refused("PAYLOAD_TOO_LARGE", Transport.HTTP);
            ProblemDetail problem = RequestBodyLimitFilter.tooLarge(maxBodySize, servletRequest);
            return ResponseEntity.status(problem.getStatus()).body(problem);
        }
        metrics.refused(RefusalReason.INVALID_REQUEST.name(), Transport.HTTP);
        String detail = "The request body is not valid JSON";
        JacksonException json = cause(exception, JacksonException.class);
        if (json != null) {
            TokenStreamLocation location = json.getLocation();
            detail += location == null ? ": " + json.getOriginalMessage()
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + json.getOriginalMessage();
        } else if (exception.getMessage() != null && exception.getMessage().startsWith("Required request body is missing")) {
            detail = "The request body is required: a JSON object";
        }
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, type(RefusalReason.INVALID_REQUEST), "Malformed request body",
                detail, servletRequest);
        problem.setProperty("reason", RefusalReason.INVALID_REQUEST.name());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }

    /** Framework-detected problems (405, 406, 415, missing parameters...) get an instance too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return super.handleExceptionInternal(exception, body, headers, statusCode, request);
    }

    static URI type(RefusalReason reason) {
        return URI.create(ProblemResponses.TYPE_BASE + reason.slug());
    }

    static HttpStatus status(RefusalReason reason) {
        return switch (reason.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    static List<Map<String, String>> errors(List<FieldProblem> problems) {
        return problems.stream().map(problem -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", problem.field());
            error.put("pointer", problem.pointer());
            error.put("detail", problem.detail());
            return error;
        }).toList();
    }

    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
    }

    private static boolean causedBy(Throwable throwable, Class<? extends Throwable> type) {
        return cause(throwable, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable throwable, Class<T> type) {
        for (Throwable current = throwable; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
