package io.supportsla.sla.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.serde.AvroSerdeConfig;
import io.supportsla.serde.KafkaAvroDeserializer;
import io.supportsla.serde.SpecificAvroSerde;
import io.supportsla.serde.registry.CachedSchemaRegistryClient;
import io.supportsla.serde.registry.SchemaRegistryClient;
import io.supportsla.sla.streams.CaseEventDecoder;
import io.supportsla.sla.streams.SlaProcessorSupplier;
import io.supportsla.sla.streams.SlaTopology;
import io.supportsla.sla.targets.ResponseTargets;
import io.supportsla.sla.targets.SlaRules;
import io.supportsla.sla.timers.TimerMetrics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.cloud.stream.binder.kafka.streams.properties.KafkaStreamsBinderConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Wires the SLA topology into the Spring Cloud Stream Kafka Streams binder: the function
 * {@value #FUNCTION} (bindings {@code slaTimers-in-0}, {@code slaTimers-out-0}), its serdes, the
 * rules built from the validated settings, and the topics it writes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SlaProperties.class, CalendarProperties.class})
public class SlaStreamsConfiguration {

    /** The function bean the binder binds; also the key of its binder settings. */
    public static final String FUNCTION = "slaTimers";
    public static final String INPUT_BINDING = FUNCTION + "-in-0";
    public static final String OUTPUT_BINDING = FUNCTION + "-out-0";
    /** Where the Kafka Streams settings (and the Confluent serde keys) live. */
    public static final String BINDER_CONFIGURATION = "spring.cloud.stream.kafka.streams.binder.configuration.";

    private static final Logger log = LoggerFactory.getLogger(SlaStreamsConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessCalendars businessCalendars(CalendarProperties calendar) {
        return calendar.toBusinessCalendars();
    }

    @Bean
    ResponseTargets responseTargets(SlaProperties properties, BusinessCalendars calendars) {
        return new ResponseTargets(properties.toPolicy(), calendars);
    }

    @Bean
    SlaRules slaRules(ResponseTargets targets) {
        return new SlaRules(targets);
    }

    @Bean
    TimerMetrics timerMetrics(MeterRegistry registry) {
        return new TimerMetrics(registry);
    }

    /** One registry client (and cache) for reading case events and writing SLA events. */
    @Bean
    SchemaRegistryClient schemaRegistryClient(KafkaStreamsBinderConfigurationProperties binder) {
        String key = AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG;
        try {
            return new CachedSchemaRegistryClient(new AvroSerdeConfig(binder.getConfiguration()).registrySettings());
        } catch (ConfigException e) {
            throw new InvalidConfigurationPropertyValueException(BINDER_CONFIGURATION + key,
                    binder.getConfiguration().get(key), e.getMessage());
        }
    }

    /** The binder picks this up for the output binding by its type ({@code KStream<String, SlaEvent>}). */
    @Bean
    Serde<SlaEvent> slaEventSerde(SchemaRegistryClient registry) {
        return new SpecificAvroSerde<>(registry);
    }

    @Bean
    Function<KStream<byte[], byte[]>, KStream<String, SlaEvent>> slaTimers(SlaRules rules, SchemaRegistryClient registry,
            KafkaStreamsBinderConfigurationProperties binder, BindingServiceProperties bindings, SlaProperties properties,
            TimerMetrics metrics, SlaTopicsReady topicsReady) {
        Map<String, Object> deserializerConfig = new HashMap<>(binder.getConfiguration());
        deserializerConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        String input = bindings.getBindingDestination(INPUT_BINDING);
        SlaTopology topology = new SlaTopology(
                new SlaProcessorSupplier(rules,
                        () -> new CaseEventDecoder(new KafkaAvroDeserializer(registry, deserializerConfig, false)),
                        properties.toProcessorSettings(), metrics),
                Topics.deadLetterTopic(input));
        return topology::apply;
    }

    /** A failed stream thread (registry briefly unreachable, say) is replaced and resumes from its last commit. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factoryBean -> factoryBean.setStreamsUncaughtExceptionHandler(failure -> {
            log.error("SLA stream thread failed; replacing it (it resumes from the last committed state)", failure);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /**
     * Creates the SLA events and dead-letter topics if missing, before the topology starts (a
     * bean the function depends on). Never alters an existing topic.
     */
    @Bean
    SlaTopicsReady slaTopicsReady(KafkaStreamsBinderConfigurationProperties binder, BindingServiceProperties bindings,
            SlaProperties properties) {
        SlaTopics.createMissing(binder.getKafkaConnectionString(), binder.getConfiguration(),
                bindings.getBindingDestination(OUTPUT_BINDING),
                properties.topics().slaEventsPartitions(),
                Topics.deadLetterTopic(bindings.getBindingDestination(INPUT_BINDING)));
        return new SlaTopicsReady();
    }

    /** Marks that the topics were checked; the function bean depends on it. */
    static final class SlaTopicsReady {
    }
}
