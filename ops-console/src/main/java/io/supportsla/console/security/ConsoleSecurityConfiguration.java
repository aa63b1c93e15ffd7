package io.supportsla.console.security;

import io.supportsla.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console is for signed-in people only: a session (cookie {@code HttpOnly}, {@code SameSite=Strict})
 * holds who they are after {@link SignInController}. Because a cookie authenticates, every
 * state-changing request (sign-in, sign-out, acknowledging) needs the page's CSRF token (Spring
 * Security's synchronizer token, kept in the session, put into each form by Thymeleaf). Only
 * consultants may acknowledge. Pages redirect to the sign-in form; the live stream and page
 * fragments answer 401, which the page script turns into a sign-in. Health and metrics stay open
 * for probes and scrapers. A strict Content-Security-Policy allows scripts and styles from the
 * console itself only.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, SecurityContextRepository contexts,
            @Value("${server.servlet.session.cookie.name:CONSOLE_SESSION}") String sessionCookie) throws Exception {
        RequestMatcher scripted = new OrRequestMatcher(path("/live"), path("/fragments/**"));
        return http
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/sign-in"), path("/console.css"), path("/console.js"), path("/favicon.svg"),
                                path("/error")).permitAll()
                        .requestMatchers(path("/actuator/health"), path("/actuator/health/**"), path("/actuator/info"),
                                path("/actuator/prometheus")).permitAll()
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/escalations/*/acknowledgement"))
                        .hasRole(Role.CONSULTANT.name())
                        .anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), scripted)
                        .defaultAuthenticationEntryPointFor(signInPage(), request -> true))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/sign-out"))
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .deleteCookies(sessionCookie))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Back to the page asked for after signing in (only this console's own pages, see {@link LocalPaths}). */
    private static AuthenticationEntryPoint signInPage() {
        return (request, response, exception) -> {
            String next = LocalPaths.safe(pathOf(request));
            response.sendRedirect(request.getContextPath() + "/sign-in"
                    + ("/".equals(next) ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        };
    }

    private static String pathOf(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) ? request.getRequestURI().substring(request.getContextPath().length()) : "/";
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
