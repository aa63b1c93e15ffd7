package io.supportsla.intake.security;

import static io.supportsla.security.ApiKeyAuthenticationConfigurer.apiKeys;

import io.supportsla.intake.IntakeProperties;
import io.supportsla.intake.api.ApiKeyRateLimits;
import io.supportsla.intake.api.RateLimitFilter;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.security.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Every call under {@code /api} needs an API key (SPEC 3.3: authenticated before any action);
 * what a caller may then do is decided by the intake rules, which know the case. Health, metrics
 * and the OpenAPI description are open, for probes, scrapers and client developers. Once a caller
 * is authenticated, its API key's request limit applies ({@code intake.api.rate-limit}: 429).
 */
@Configuration(proxyBeanMethods = false)
public class IntakeSecurityConfiguration {

    static final String API = "/api/**";

    @Bean
    SecurityFilterChain intakeSecurity(HttpSecurity http, IntakeProperties properties, ProblemResponses problems,
                                       IntakeMetrics metrics) throws Exception {
        // Not a bean: a filter bean would also be registered with the servlet container, outside the chain.
        RateLimitFilter rateLimits = new RateLimitFilter(new ApiKeyRateLimits(properties.api().rateLimit()), problems, metrics);
        return http
                .with(apiKeys(API), Customizer.withDefaults())
                .addFilterAfter(rateLimits, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(API).authenticated()
                        .anyRequest().permitAll())
                .build();
    }
}
