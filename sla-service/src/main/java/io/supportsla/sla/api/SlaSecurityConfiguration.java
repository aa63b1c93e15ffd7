package io.supportsla.sla.api;

import static io.supportsla.security.ApiKeyAuthenticationConfigurer.apiKeys;

import io.supportsla.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The query API is for support staff: it shows every open case of every customer (titles,
 * customers, deadlines) and keeps no organisation to filter by, so it takes a consultant's or the
 * answering service's API key (api-security); other roles get 403, no key 401. Instances forward
 * queries to each other with the caller's own key. Health and metrics are open for probes and scrapers.
 */
@Configuration(proxyBeanMethods = false)
class SlaSecurityConfiguration {

    static final String API = "/api/**";

    @Bean
    SecurityFilterChain slaSecurity(HttpSecurity http) throws Exception {
        return http
                .with(apiKeys(API), Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(API).hasAnyRole(Role.CONSULTANT.name(), Role.ANSWERING_SERVICE.name())
                        .anyRequest().permitAll())
                .build();
    }
}
