package io.supportsla.console.kafka;

import io.supportsla.console.ConsoleProperties;
import io.supportsla.console.view.ConsoleView;
import io.supportsla.schemas.Topic;
import io.supportsla.schemas.Topics;
import io.supportsla.serde.AvroSerdeConfig;
import io.supportsla.serde.KafkaAvroDeserializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one reader of the four Avro topics ({@link Topics#avroTopics()}), feeding the view. Client
 * settings are Spring Boot's {@code spring.kafka.*} (consumer properties included), the registry is
 * {@code spring.kafka.properties.schema.registry.url}; values are read as the generated classes.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    TopicsReader topicsReader(KafkaProperties kafka, ConsoleProperties console, ConsoleView view) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, console.kafka().clientId());
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        return new TopicsReader(Topics.avroTopics().stream().map(Topic::name).toList(), config, new StringDeserializer(),
                values, (topic, value) -> view.apply(value), console.kafka().partitionRefresh());
    }

    /** Readiness: UP once everything on the topics at start has been read. */
    @Bean
    ViewReadinessIndicator consoleView(TopicsReader topicsReader) {
        return new ViewReadinessIndicator(topicsReader);
    }
}
