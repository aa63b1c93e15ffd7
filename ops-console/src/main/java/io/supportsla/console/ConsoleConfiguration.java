package io.supportsla.console;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.console.kafka.TopicsReader;
import io.supportsla.console.view.ConsoleView;
import io.supportsla.console.view.ViewSettings;
import java.time.Clock;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The view and what watches it: its settings, the clock, metrics and the forgetting of old resolved cases. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConsoleView consoleViewModel(Clock clock, ConsoleProperties properties) {
        ConsoleProperties.View view = properties.view();
        return new ConsoleView(clock, new ViewSettings(view.resolvedCasesShownFor(), view.resolvedCaseRetention(),
                view.settledEscalationsShownFor(), view.latestNotifications()));
    }

    @Bean
    ViewHousekeeping viewHousekeeping(ConsoleView view) {
        return new ViewHousekeeping(view);
    }

    /**
     * {@code console_cases_open}, {@code console_cases_held}, {@code console_escalations_open} and, per
     * topic, {@code console_topic_records_applied_total} and {@code console_topic_records_skipped_total}.
     */
    @Bean
    SmartInitializingSingleton consoleMetrics(MeterRegistry meters, ConsoleView view, TopicsReader reader) {
        return () -> {
            Gauge.builder("console.cases.open", view, model -> model.counts().openCases())
                    .description("Open cases in the view").register(meters);
            Gauge.builder("console.cases.held", view, model -> model.counts().cases())
                    .description("Cases held in memory, open and recently resolved").register(meters);
            Gauge.builder("console.escalations.open", view, model -> model.counts().openEscalations())
                    .description("Escalations waiting for acknowledgement").register(meters);
            for (String topic : reader.topics()) {
                FunctionCounter.builder("console.topic.records.applied", reader, r -> r.applied(topic))
                        .tag("topic", topic).description("Records read into the view").register(meters);
                FunctionCounter.builder("console.topic.records.skipped", reader, r -> r.skipped(topic))
                        .tag("topic", topic).description("Records that could not be read or applied").register(meters);
            }
        };
    }

    /** Forgets resolved cases past their retention, once a minute. */
    static final class ViewHousekeeping {

        private final ConsoleView view;

        ViewHousekeeping(ConsoleView view) {
            this.view = view;
        }

        @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
        void forgetExpiredCases() {
            view.forgetExpired();
        }
    }
}
