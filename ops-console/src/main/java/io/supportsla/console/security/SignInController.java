package io.supportsla.console.security;

import io.supportsla.security.ApiKeyRegistry;
import io.supportsla.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in with the API key a person already uses against the platform's APIs (the shared
 * api-security keys). The form posts the key with the page's CSRF token; a valid key starts a fresh
 * server-side session (a new session id, and so a new CSRF token, against session fixation) holding
 * the caller and the key. Sign-out is Spring Security's logout on {@code POST /sign-out}.
 */
@Controller
class SignInController {

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    private final ApiKeyRegistry keys;
    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignInController(ApiKeyRegistry keys, SecurityContextRepository contexts) {
        this.keys = keys;
        this.contexts = contexts;
    }

    @GetMapping("/sign-in")
    String signInPage(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", LocalPaths.safe(next));
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String apiKey, @RequestParam(required = false) String next,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Caller> caller = keys.authenticate(apiKey.strip());
        if (caller.isEmpty()) {
            log.info("Sign-in refused: unknown API key from {}", request.getRemoteAddr());
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("next", LocalPaths.safe(next));
            model.addAttribute("error", "That API key is not known. Use the key you call the platform's APIs with.");
            return "sign-in";
        }
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        request.getSession(true);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new ConsoleAuthentication(caller.get(), apiKey.strip()));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        log.info("Signed in: {}", caller.get());
        return "redirect:" + LocalPaths.safe(next);
    }
}
