package io.supportsla.intake.security;

import static io.supportsla.security.ApiKeyAuthenticationConfigurer.apiKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every call under {@code /api} needs an API key (SPEC 3.3: authenticated before any action);
 * what a caller may then do is decided by the intake rules, which know the case. Health, metrics
 * and the OpenAPI description are open, for probes, scrapers and client developers.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeSecurityConfiguration {

    static final String API = "/api/**";

    @Bean
    SecurityFilterChain intakeSecurity(HttpSecurity http) throws Exception {
        return http
                .with(apiKeys(API), Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(API).authenticated()
                        .anyRequest().permitAll())
                .build();
    }
}
