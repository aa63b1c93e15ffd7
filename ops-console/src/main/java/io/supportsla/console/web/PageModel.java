package io.supportsla.console.web;

import io.supportsla.console.view.CaseAccess;
import io.supportsla.security.Caller;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page renders with: who is signed in, what they may do, and the server's "now" for countdowns. */
@ControllerAdvice
class PageModel {

    private final Clock clock;

    PageModel(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("viewer")
    Caller viewer(@AuthenticationPrincipal Caller viewer) {
        return viewer;
    }

    @ModelAttribute("mayAcknowledge")
    boolean mayAcknowledge(@AuthenticationPrincipal Caller viewer) {
        return viewer != null && CaseAccess.mayAcknowledge(viewer);
    }

    @ModelAttribute("seesEverything")
    boolean seesEverything(@AuthenticationPrincipal Caller viewer) {
        return viewer != null && CaseAccess.isStaff(viewer);
    }

    @ModelAttribute("now")
    Instant now() {
        return clock.instant();
    }
}
