package io.supportsla.console.acknowledgement;

import io.micrometer.observation.ObservationRegistry;
import io.supportsla.console.ConsoleProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AcknowledgementConfiguration {

    @Bean
    EscalationServiceClient escalationServiceClient(ConsoleProperties properties, ObjectProvider<ObservationRegistry> observations) {
        return new EscalationServiceClient(properties.escalationService(), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
