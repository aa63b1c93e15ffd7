package io.supportsla.security;

import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Applies API-key bearer authentication to a service's {@code SecurityFilterChain}:
 * <pre>
 * http.with(ApiKeyAuthenticationConfigurer.apiKeys("/api/**"), Customizer.withDefaults())
 *     .authorizeHttpRequests(requests -> requests.requestMatchers("/api/**").authenticated().anyRequest().permitAll());
 * </pre>
 * It authenticates {@code Authorization: Bearer <key>} on the given paths only (a stray header on a
 * public endpoint is ignored), keeps no session, and answers 401 and 403 as problem+json. It also
 * turns off what a bearer-token API does not need: sessions, CSRF tokens (there are no cookies to
 * forge), form login and HTTP basic.
 */
public final class ApiKeyAuthenticationConfigurer extends AbstractHttpConfigurer<ApiKeyAuthenticationConfigurer, HttpSecurity> {

    private final List<String> protectedPaths;

    private ApiKeyAuthenticationConfigurer(List<String> protectedPaths) {
        this.protectedPaths = List.copyOf(protectedPaths);
    }

    /** API-key authentication on these path patterns, e.g. {@code /api/**}. */
    public static ApiKeyAuthenticationConfigurer apiKeys(String... protectedPaths) {
        return new ApiKeyAuthenticationConfigurer(List.of(protectedPaths));
    }

    /** API-key authentication on these path patterns. */
    public static ApiKeyAuthenticationConfigurer apiKeys(List<String> protectedPaths) {
        return new ApiKeyAuthenticationConfigurer(protectedPaths);
    }

    @Override
    public void init(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(context.getBean(ProblemAuthenticationEntryPoint.class))
                        .accessDeniedHandler(context.getBean(ProblemAccessDeniedHandler.class)));
    }

    @Override
    public void configure(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        AuthenticationFilter filter = new AuthenticationFilter(
                new ProviderManager(context.getBean(ApiKeyAuthenticationProvider.class)), new BearerApiKeyConverter());
        filter.setRequestMatcher(matcher());
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(context.getBean(ProblemAuthenticationEntryPoint.class)));
        // Authenticated: carry on with the request (the default handler would redirect).
        filter.setSuccessHandler((request, response, authentication) -> { });
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        http.addFilterBefore(postProcess(filter), AuthorizationFilter.class);
    }

    private RequestMatcher matcher() {
        List<RequestMatcher> matchers = protectedPaths.stream()
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList();
        return new OrRequestMatcher(matchers);
    }
}
