package io.supportsla.console.web;

import io.supportsla.console.view.CaseDetails;
import io.supportsla.console.view.ConsoleView;
import io.supportsla.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's page ({@code GET /cases/{n}}): its facts, targets, escalations, notifications and the
 * full timeline of its events from the four topics. A case the viewer may not see answers 404, like
 * one that does not exist, so its existence is not given away.
 */
@Controller
class CaseController {

    private final ConsoleView view;

    CaseController(ConsoleView view) {
        this.view = view;
    }

    @GetMapping("/cases/{caseNumber}")
    String casePage(@PathVariable String caseNumber, @AuthenticationPrincipal Caller viewer, Model model) {
        model.addAttribute("details", details(viewer, caseNumber));
        return "case";
    }

    @GetMapping("/fragments/cases/{caseNumber}")
    String caseFragment(@PathVariable String caseNumber, @AuthenticationPrincipal Caller viewer, Model model) {
        model.addAttribute("details", details(viewer, caseNumber));
        return "case :: details";
    }

    private CaseDetails details(Caller viewer, String caseNumber) {
        return view.caseDetails(viewer, caseNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseNumber));
    }
}
