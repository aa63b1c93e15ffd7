package io.supportsla.console.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.console.ConsoleProperties;
import io.supportsla.console.view.ConsoleView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveUpdates liveUpdates(ConsoleView view, ConsoleProperties properties, MeterRegistry meters) {
        return new LiveUpdates(view, properties.live(), meters);
    }
}
