package io.supportsla.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack runs, from its command-line flags and the environment. A part given by an
 * environment variable is external: the stack uses it instead of starting its own.
 *
 * <ul>
 *   <li>{@code --clean}: wipe the data directory first; {@code --demo}: short demo targets;
 *       {@code --data-dir=PATH} (default {@code data}); {@code --root=PATH}: the repository root.</li>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}, {@code SPRING_MAIL_HOST} with
 *       {@code SPRING_MAIL_PORT}, {@code PAGER_URL}: external parts.</li>
 * </ul>
 */
record LocalStackOptions(
        boolean clean,
        boolean demo,
        Path dataDirectory,
        Path repositoryRoot,
        Optional<String> externalKafka,
        Optional<String> externalRegistry,
        Optional<String> externalMailHost,
        int externalMailPort,
        Optional<String> externalPager,
        int kafkaPort,
        int registryPort,
        int smtpPort,
        int mailWebPort,
        int pagerPort) {

    static LocalStackOptions parse(String[] args, Map<String, String> environment) {
        boolean clean = false;
        boolean demo = false;
        Path data = Path.of("data");
        Path root = Path.of(".");
        for (String arg : args) {
            if (arg.equals("--clean")) {
                clean = true;
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.startsWith("--data-dir=")) {
                data = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--root=")) {
                root = Path.of(arg.substring("--root=".length()));
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("Unknown option '" + arg
                        + "'; the local stack takes --clean, --demo, --data-dir=PATH and --root=PATH");
            }
        }
        return new LocalStackOptions(clean, demo, data, root,
                nonBlank(environment.get("KAFKA_BOOTSTRAP_SERVERS")),
                nonBlank(environment.get("SCHEMA_REGISTRY_URL")),
                nonBlank(environment.get("SPRING_MAIL_HOST")),
                port(environment, "SPRING_MAIL_PORT", 25),
                nonBlank(environment.get("PAGER_URL")),
                9092, 8081, 2525, 8025, 8086);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int port(Map<String, String> environment, String name, int fallback) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }
}
