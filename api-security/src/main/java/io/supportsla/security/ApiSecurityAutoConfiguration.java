package io.supportsla.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires API-key authentication into any servlet application that has this module: the key
 * registry from {@code supportsla.security.*}, the authentication provider, problem+json 401/403
 * responses, and, unless the application declares its own {@link SecurityFilterChain}, a default
 * chain requiring an API key on {@code supportsla.security.protected-paths} and leaving every
 * other path open. A service with its own chain applies {@link ApiKeyAuthenticationConfigurer}.
 * The registry is configured with no keys by default, which refuses every protected request.
 * Requests refused before any controller sees them (Spring Security's firewall, and Tomcat itself
 * for a malformed request target or header) are answered as problem+json too.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        beforeName = {
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiKeyRegistry apiKeyRegistry(ApiKeyProperties properties) {
        return new ApiKeyRegistry(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(ApiKeyRegistry registry) {
        return new ApiKeyAuthenticationProvider(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ObjectProvider<JsonMapper> mapper) {
        ObjectMapper json = mapper.getIfAvailable(() -> JsonMapper.builder().build());
        return new ProblemResponses(json);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemResponses problems, ApiKeyProperties properties) {
        return new ProblemAuthenticationEntryPoint(problems, properties.realm());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAccessDeniedHandler problemAccessDeniedHandler(ProblemResponses problems) {
        return new ProblemAccessDeniedHandler(problems);
    }

    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    ProblemRequestRejectedHandler problemRequestRejectedHandler(ProblemResponses problems) {
        return new ProblemRequestRejectedHandler(problems);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiKeySecurityFilterChain(HttpSecurity http, ApiKeyProperties properties) throws Exception {
        String[] protectedPaths = properties.protectedPaths().toArray(String[]::new);
        return http
                .with(ApiKeyAuthenticationConfigurer.apiKeys(protectedPaths), Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(protectedPaths).authenticated()
                        .anyRequest().permitAll())
                .build();
    }

    /** Where Tomcat serves the application: its own error reports as problem+json. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {
            "org.apache.catalina.valves.ErrorReportValve", "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory"})
    static class TomcatErrorReports {

        @Bean
        ProblemErrorReports problemErrorReports() {
            return new ProblemErrorReports();
        }
    }
}
