package io.supportsla.console.testing;

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
 * The console on a real broker with the real schema registry, over real HTTP, with a stand-in for
 * escalation-service's acknowledgement endpoint. Every class with this annotation shares one
 * application context, so the console starts once per test run.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithKafkaBroker
@ExtendWith(ConsoleTestEnvironment.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "it"})
public @interface ConsoleIntegrationTest {
}
