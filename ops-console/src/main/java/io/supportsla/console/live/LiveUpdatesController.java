package io.supportsla.console.live;

import io.supportsla.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /live}: the signed-in page's stream of server-sent events. */
@RestController
class LiveUpdatesController {

    private final LiveUpdates updates;

    LiveUpdatesController(LiveUpdates updates) {
        this.updates = updates;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@AuthenticationPrincipal Caller viewer) {
        return updates.subscribe(viewer);
    }

    @ExceptionHandler(LiveUpdates.TooManySubscribersException.class)
    ResponseEntity<String> tooMany(LiveUpdates.TooManySubscribersException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
