package io.supportsla.intake.api;

import io.supportsla.intake.IntakeProperties;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.security.ProblemResponses;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** Before Spring Security, so an oversized body is refused before anything else looks at the request. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(IntakeProperties properties, ProblemResponses problems,
                                                                          IntakeMetrics metrics) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.api().maxBodySize().toBytes(), problems, metrics));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
