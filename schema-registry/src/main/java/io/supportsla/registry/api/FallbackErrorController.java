package io.supportsla.registry.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside the controllers (by the servlet container or a filter) also leave in
 * Confluent's shape, never as Spring's default error page. Replaces Boot's BasicErrorController.
 */
@RestController
class FallbackErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Responses.ErrorMessage> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : 500;
        HttpStatus known = HttpStatus.resolve(status);
        String message = "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase());
        return ApiErrorHandler.error(status, status, message);
    }
}
