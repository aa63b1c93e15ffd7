package io.supportsla.testing.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the shared real Kafka broker: test and lifecycle methods may declare a
 * {@link KafkaBroker} parameter, and Spring Boot tests find it through the system properties
 * {@code spring.kafka.bootstrap-servers} and the Spring Cloud Stream binder broker lists, set
 * before the class runs. Declare it before {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaBrokerExtension.class)
public @interface WithKafkaBroker {
}
