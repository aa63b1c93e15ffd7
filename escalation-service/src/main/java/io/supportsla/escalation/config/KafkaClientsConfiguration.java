package io.supportsla.escalation.config;

import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;
import io.supportsla.escalation.streams.AcknowledgementRequestSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.cloud.stream.binder.kafka.streams.properties.KafkaStreamsBinderConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka clients the service uses besides Kafka Streams, connected to the same cluster as the
 * Streams binder: the producer of acknowledgement requests and the start-up topic set-up.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaClientsConfiguration {

    @Bean(destroyMethod = "close")
    Producer<String, AcknowledgementRequest> acknowledgementRequestProducer(KafkaStreamsBinderConfigurationProperties binder) {
        Map<String, Object> config = connection(binder);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "escalation-service-acknowledgements");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new AcknowledgementRequestSerde().serializer());
    }

    @Bean
    TopicSetup escalationTopicSetup(KafkaStreamsBinderConfigurationProperties binder, StreamsProperties streams) {
        return new TopicSetup(connection(binder), streams);
    }

    /** Bootstrap servers and security settings, as the Streams binder has them. */
    static Map<String, Object> connection(KafkaStreamsBinderConfigurationProperties binder) {
        Map<String, Object> config = new HashMap<>();
        binder.getConfiguration().forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, binder.getKafkaConnectionString());
        return config;
    }
}
