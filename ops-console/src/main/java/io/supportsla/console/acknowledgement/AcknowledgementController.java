package io.supportsla.console.acknowledgement;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.console.security.ConsoleAuthentication;
import io.supportsla.console.security.LocalPaths;
import io.supportsla.console.view.ConsoleView;
import io.supportsla.console.view.EscalationEntry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code POST /escalations/{id}/acknowledgement} from the page's "Acknowledge" button (consultants
 * only, with the page's CSRF token; see the security configuration). It calls escalation-service with
 * the consultant's own key, then goes back to the page with what happened; the escalation shows as
 * acknowledged once escalation-service's {@code EscalationAcknowledged} is read from the topic.
 */
@Controller
class AcknowledgementController {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementController.class);
    static final String FLASH = "flash";
    static final String FLASH_ERROR = "flashError";

    private final ConsoleView view;
    private final EscalationServiceClient escalationService;
    private final MeterRegistry meters;

    AcknowledgementController(ConsoleView view, EscalationServiceClient escalationService, MeterRegistry meters) {
        this.view = view;
        this.escalationService = escalationService;
        this.meters = meters;
    }

    @PostMapping("/escalations/{escalationId}/acknowledgement")
    String acknowledge(@PathVariable String escalationId, @RequestParam(required = false) String returnTo,
            ConsoleAuthentication user, RedirectAttributes redirect) {
        String back = "redirect:" + LocalPaths.safe(returnTo);
        Optional<EscalationEntry> escalation = view.escalation(user.caller(), escalationId);
        if (escalation.isEmpty()) {
            redirect.addFlashAttribute(FLASH_ERROR, "There is no escalation " + escalationId + ".");
            return back;
        }
        if (user.apiKey() == null) {
            redirect.addFlashAttribute(FLASH_ERROR, "Sign in again to acknowledge: your session no longer holds your key.");
            return back;
        }
        AcknowledgementOutcome outcome = escalationService.acknowledge(escalationId, user.apiKey());
        meters.counter("console.acknowledgements", "outcome", outcome.kind()).increment();
        log.info("Acknowledgement of {} by {}: {}", escalationId, user.caller().principal(), outcome.kind());
        if (outcome.isAccepted()) {
            view.recordAcknowledgementRequested(escalationId, user.caller().principal());
        }
        redirect.addFlashAttribute(outcome.isAccepted() || outcome instanceof AcknowledgementOutcome.AlreadyAcknowledged
                ? FLASH : FLASH_ERROR, outcome.message());
        return back;
    }
}
