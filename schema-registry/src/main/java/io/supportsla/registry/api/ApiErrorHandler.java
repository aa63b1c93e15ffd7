package io.supportsla.registry.api;

import io.supportsla.registry.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as Confluent's {@code {"error_code": N, "message": "..."}} with the matching
 * HTTP status: clients parse that shape and switch on the code.
 */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(RegistryException.class)
    ResponseEntity<Responses.ErrorMessage> registryError(RegistryException e) {
        if (e.error().httpStatus() >= 500) {
            log.warn("Request failed code={} message={}", e.error().code(), e.getMessage(), e.getCause());
        }
        return error(e.error().httpStatus(), e.error().code(), e.getMessage());
    }

    @ExceptionHandler(MalformedRequestException.class)
    ResponseEntity<Responses.ErrorMessage> malformedRequest(MalformedRequestException e) {
        return error(e.status(), e.status(), e.getMessage());
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Responses.ErrorMessage> unknownPath() {
        return error(404, 404, "HTTP 404 Not Found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Responses.ErrorMessage> methodNotAllowed() {
        return error(405, 405, "HTTP 405 Method Not Allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Responses.ErrorMessage> unsupportedContentType(HttpMediaTypeNotSupportedException e) {
        return error(415, 415, "HTTP 415 Unsupported Media Type: " + e.getContentType());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        // Nothing the client accepts can carry an error body.
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class})
    ResponseEntity<Responses.ErrorMessage> badParameter(Exception e) {
        return error(400, 400, "Bad request: " + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Responses.ErrorMessage> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return error(500, 500, "Internal Server Error");
    }

    static ResponseEntity<Responses.ErrorMessage> error(int status, int code, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(RegistryMediaTypes.V1_JSON))
                .body(new Responses.ErrorMessage(code, message));
    }
}
