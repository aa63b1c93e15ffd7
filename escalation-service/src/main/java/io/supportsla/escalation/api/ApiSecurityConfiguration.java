package io.supportsla.escalation.api;

import io.supportsla.security.ApiKeyAuthenticationConfigurer;
import io.supportsla.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * API-key bearer authentication (the shared api-security module) on {@code /api/**}: a case's
 * escalations need a consultant's key; one escalation and its acknowledgement also accept the
 * escalation's signed link, which {@link EscalationAccess} checks. Actuator endpoints stay open
 * for probes and scraping.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    SecurityFilterChain escalationApiSecurity(HttpSecurity http) throws Exception {
        return http
                .with(ApiKeyAuthenticationConfigurer.apiKeys("/api/**"), Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/v1/escalations/*").permitAll()
                        .requestMatchers("/api/v1/escalations/*/acknowledgement").permitAll()
                        .requestMatchers("/api/**").hasRole(Role.CONSULTANT.name())
                        .anyRequest().permitAll())
                .build();
    }
}
