package io.supportsla.escalation.config;

import static io.supportsla.escalation.streams.EscalationBindings.ACKNOWLEDGEMENT_REQUESTS_IN;
import static io.supportsla.escalation.streams.EscalationBindings.ACKNOWLEDGEMENT_REQUESTS_TOPIC;
import static io.supportsla.escalation.streams.EscalationBindings.CASE_EVENTS_IN;
import static io.supportsla.escalation.streams.EscalationBindings.ESCALATION_EVENTS_OUT;
import static io.supportsla.escalation.streams.EscalationBindings.SLA_EVENTS_IN;

import io.supportsla.escalation.streams.EscalationBindings;
import io.supportsla.schemas.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Binds the function's inputs and output to the topics declared in {@link Topics} and
 * {@link EscalationBindings}, as the lowest-precedence property source, so topic names are
 * written once in code and configuration can still override them.
 */
public class TopicBindingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "escalation-topic-bindings";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Named explicitly: the binder's own dead-letter function bean would make the choice ambiguous.
        defaults.put("spring.cloud.function.definition", EscalationBindings.FUNCTION);
        defaults.put(destination(SLA_EVENTS_IN), Topics.SLA_EVENTS.name());
        defaults.put(destination(CASE_EVENTS_IN), Topics.CASE_EVENTS.name());
        defaults.put(destination(ACKNOWLEDGEMENT_REQUESTS_IN), ACKNOWLEDGEMENT_REQUESTS_TOPIC);
        defaults.put(destination(ESCALATION_EVENTS_OUT), Topics.ESCALATION_EVENTS.name());
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    private static String destination(String binding) {
        return "spring.cloud.stream.bindings." + binding + ".destination";
    }
}
