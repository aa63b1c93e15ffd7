package io.supportsla.testing.kafka;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit 5 extension behind {@link WithKafkaBroker}. */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    /** Properties through which Spring Boot, Spring Cloud Stream and its Streams binder find the broker. */
    static final List<String> BOOTSTRAP_PROPERTIES = List.of(
            "spring.kafka.bootstrap-servers",
            "spring.cloud.stream.kafka.binder.brokers",
            "spring.cloud.stream.kafka.streams.binder.brokers");

    @Override
    public void beforeAll(ExtensionContext context) {
        String bootstrapServers = KafkaBrokers.shared().bootstrapServers();
        BOOTSTRAP_PROPERTIES.forEach(property -> System.setProperty(property, bootstrapServers));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return KafkaBrokers.shared();
    }
}
