package io.supportsla.console.web;

import io.supportsla.console.view.ConsoleView;
import io.supportsla.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard ({@code GET /}) and its three live panels, each also served alone as a fragment
 * that the page fetches again when the live stream says its cases changed.
 */
@Controller
class DashboardController {

    private final ConsoleView view;

    DashboardController(ConsoleView view) {
        this.view = view;
    }

    @GetMapping("/")
    String dashboard(@AuthenticationPrincipal Caller viewer, Model model) {
        queue(viewer, model);
        escalations(viewer, model);
        notifications(viewer, model);
        return "dashboard";
    }

    @GetMapping("/fragments/queue")
    String queue(@AuthenticationPrincipal Caller viewer, Model model) {
        model.addAttribute("queue", view.queue(viewer));
        model.addAttribute("resolved", view.recentlyResolved(viewer));
        return "dashboard :: queue";
    }

    @GetMapping("/fragments/escalations")
    String escalations(@AuthenticationPrincipal Caller viewer, Model model) {
        model.addAttribute("escalations", view.escalations(viewer));
        return "dashboard :: escalations";
    }

    @GetMapping("/fragments/notifications")
    String notifications(@AuthenticationPrincipal Caller viewer, Model model) {
        model.addAttribute("notifications", view.latestNotifications(viewer));
        return "dashboard :: notifications";
    }
}
