package io.supportsla.notification.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.notification.NotificationApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One running notification-service, started the way {@code main} starts it, pointed at the test environment. */
public final class NotificationServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private NotificationServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param overrides {@code --key=value} arguments that replace the environment's for the same key */
    public static NotificationServiceInstance start(NotificationTestEnvironment environment, String... overrides) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String argument : environment.serviceArguments()) {
            arguments.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        for (String argument : overrides) {
            arguments.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        return new NotificationServiceInstance(new SpringApplicationBuilder(NotificationApplication.class)
                .run(arguments.values().toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public MeterRegistry meters() {
        return context.getBean(MeterRegistry.class);
    }

    /** The sum of the counters with this name and these tags, 0 when none was incremented. */
    public double count(String name, String... tags) {
        return meters().find(name).tags(tags).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
