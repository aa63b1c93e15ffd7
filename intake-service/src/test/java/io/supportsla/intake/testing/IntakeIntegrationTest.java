package io.supportsla.intake.testing;

import io.supportsla.testing.kafka.WithKafkaBroker;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * intake-service on a real broker with the real schema registry, over real HTTP. Every class with
 * this annotation shares one application context (same configuration), so the service starts once.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithKafkaBroker
@ExtendWith(SharedSchemaRegistry.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "it"})
public @interface IntakeIntegrationTest {
}
