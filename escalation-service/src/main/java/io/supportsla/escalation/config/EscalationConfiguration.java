package io.supportsla.escalation.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.escalation.acknowledgement.AcknowledgementLinks;
import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;
import io.supportsla.escalation.acknowledgement.AcknowledgementTokens;
import io.supportsla.escalation.directory.EscalationDirectory;
import io.supportsla.escalation.rules.CaseEscalations;
import io.supportsla.escalation.rules.RespectiveTimeZone;
import io.supportsla.escalation.streams.EscalationEvents;
import io.supportsla.escalation.streams.EscalationMetrics;
import io.supportsla.escalation.streams.EscalationStores;
import io.supportsla.escalation.streams.EscalationTopology;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.sla.SlaEvent;
import java.time.Clock;
import java.util.function.Function;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Wires the escalation topology from validated configuration: the directory, the acknowledgement
 * timeouts and links, the offices' hours from the business calendar, the state stores (added to
 * the topology by the Kafka Streams binder) and the function the binder binds to the topics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AcknowledgementProperties.class, DirectoryProperties.class, CalendarProperties.class,
        StreamsProperties.class})
public class EscalationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EscalationConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EscalationDirectory escalationDirectory(DirectoryProperties directory) {
        return directory.toDirectory();
    }

    @Bean
    RespectiveTimeZone respectiveTimeZone(CalendarProperties calendar) {
        return new RespectiveTimeZone(calendar.toCalendars().localBusinessHours());
    }

    @Bean
    AcknowledgementTokens acknowledgementTokens(AcknowledgementProperties acknowledgement) {
        return new AcknowledgementTokens(acknowledgement.linkSecret());
    }

    @Bean
    AcknowledgementLinks acknowledgementLinks(AcknowledgementProperties acknowledgement, AcknowledgementTokens tokens) {
        return new AcknowledgementLinks(acknowledgement.linkBaseUrl(), tokens, acknowledgement.linkValidity());
    }

    @Bean
    EscalationMetrics escalationMetrics(MeterRegistry registry) {
        return new EscalationMetrics(registry);
    }

    @Bean
    EscalationTopology escalationTopology(EscalationDirectory directory, AcknowledgementProperties acknowledgement,
            RespectiveTimeZone timeZones, AcknowledgementLinks links, EscalationMetrics metrics, StreamsProperties streams) {
        return new EscalationTopology(directory, acknowledgement.timeouts(), timeZones, new EscalationEvents(links), metrics,
                streams.timerScanInterval());
    }

    @Bean
    StoreBuilder<KeyValueStore<String, CaseEscalations>> escalationCasesStore() {
        return EscalationStores.cases();
    }

    @Bean
    StoreBuilder<KeyValueStore<String, String>> escalationDueTimersStore() {
        return EscalationStores.dueTimers();
    }

    /** The topology as a Spring Cloud Stream function: SLA events, case events and acknowledgement requests in. */
    @Bean
    Function<KStream<String, SlaEvent>, Function<KStream<String, CaseEvent>,
            Function<KStream<String, AcknowledgementRequest>, KStream<String, EscalationEvent>>>> escalations(
            EscalationTopology topology) {
        return slaEvents -> caseEvents -> acknowledgementRequests ->
                topology.escalate(slaEvents, caseEvents, acknowledgementRequests);
    }

    /**
     * A failed stream thread (the registry briefly unreachable, a dead letter that could not be
     * written) is replaced and resumes from its last commit, instead of leaving the service stopped.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer escalationStreamsLifecycle(StreamsProperties streams) {
        return factoryBean -> {
            factoryBean.setLeaveGroupOnClose(streams.leaveGroupOnClose());
            factoryBean.setStreamsUncaughtExceptionHandler(failure -> {
                log.error("Escalation stream thread failed; replacing it (it resumes from the last committed state)", failure);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
        };
    }
}
