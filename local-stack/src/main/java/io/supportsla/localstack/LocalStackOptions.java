package io.supportsla.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the local stack runs and how: from the command line ({@link #parse}) or, for tests that use
 * the stack as a library, from a {@link #builder()}. A part given as external (by an environment
 * variable on the command line, or the builder) is used instead of starting the stack's own. A port
 * of {@code 0} means "pick a free one".
 *
 * <ul>
 *   <li>{@code --clean}: wipe the data directory first; {@code --demo}: short demo targets and the
 *       demo cases; {@code --data-dir=PATH} (default {@code data}); {@code --root=PATH}: the
 *       repository root, where the services' jars are looked for.</li>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}, {@code SPRING_MAIL_HOST} with
 *       {@code SPRING_MAIL_PORT}, {@code PAGER_URL}: external parts.</li>
 * </ul>
 *
 * @param services the services to run, in start order
 * @param servicePorts each service's HTTP port (0: a free one, fixed for the life of the stack)
 * @param profiles the Spring profiles every service runs with
 * @param settings Spring settings given to every service ({@code --key=value})
 * @param serviceSettings Spring settings for one service, applied after {@code settings}
 * @param readinessTimeout how long a service may take to report itself ready
 * @param jvmOptions options of every service's JVM, e.g. {@code -Xmx512m}
 * @param startAttempts how many times a service that exits while starting is started (1: never again)
 */
public record LocalStackOptions(
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
        int pagerPort,
        Set<PlatformService> services,
        Map<PlatformService, Integer> servicePorts,
        List<String> profiles,
        Map<String, String> settings,
        Map<PlatformService, Map<String, String>> serviceSettings,
        Duration readinessTimeout,
        List<String> jvmOptions,
        int startAttempts) {

    public LocalStackOptions {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        services = services.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(services));
        servicePorts = Map.copyOf(servicePorts);
        profiles = List.copyOf(profiles);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Map<PlatformService, Map<String, String>> perService = new EnumMap<>(PlatformService.class);
        serviceSettings.forEach((service, values) ->
                perService.put(service, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        serviceSettings = java.util.Collections.unmodifiableMap(perService);
        jvmOptions = List.copyOf(jvmOptions);
        if (startAttempts < 1) {
            throw new IllegalArgumentException("startAttempts must be at least 1, was " + startAttempts);
        }
    }

    /** The options of {@code java -jar local-stack-*-exec.jar [flags]}. */
    public static LocalStackOptions parse(String[] args, Map<String, String> environment) {
        Builder builder = builder();
        for (String arg : args) {
            if (arg.equals("--clean")) {
                builder.clean(true);
            } else if (arg.equals("--demo")) {
                builder.demo(true);
            } else if (arg.startsWith("--data-dir=")) {
                builder.dataDirectory(Path.of(arg.substring("--data-dir=".length())));
            } else if (arg.startsWith("--root=")) {
                builder.repositoryRoot(Path.of(arg.substring("--root=".length())));
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("Unknown option '" + arg
                        + "'; the local stack takes --clean, --demo, --data-dir=PATH and --root=PATH");
            }
        }
        nonBlank(environment.get("KAFKA_BOOTSTRAP_SERVERS")).ifPresent(builder::kafka);
        nonBlank(environment.get("SCHEMA_REGISTRY_URL")).ifPresent(builder::registry);
        nonBlank(environment.get("SPRING_MAIL_HOST"))
                .ifPresent(host -> builder.mailServer(host, port(environment, "SPRING_MAIL_PORT", 25)));
        nonBlank(environment.get("PAGER_URL")).ifPresent(builder::pager);
        return builder.build();
    }

    /** Options as the command line has them by default: fixed ports, every service, data under {@code data/}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP port asked for a service (0: a free one). */
    public int servicePort(PlatformService service) {
        return servicePorts.getOrDefault(service, service.defaultPort());
    }

    /** The settings one service gets: those for every service, then its own. */
    public Map<String, String> settingsFor(PlatformService service) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(serviceSettings.getOrDefault(service, Map.of()));
        return all;
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

    /** Builds {@link LocalStackOptions}; every setter returns the builder. */
    public static final class Builder {
        private boolean clean;
        private boolean demo;
        private Path dataDirectory = Path.of("data");
        private Path repositoryRoot = Path.of(".");
        private String externalKafka;
        private String externalRegistry;
        private String externalMailHost;
        private int externalMailPort = 25;
        private String externalPager;
        private int kafkaPort = 9092;
        private int registryPort = 8081;
        private int smtpPort = 2525;
        private int mailWebPort = 8025;
        private int pagerPort = 8086;
        private Set<PlatformService> services = EnumSet.allOf(PlatformService.class);
        private final Map<PlatformService, Integer> servicePorts = new EnumMap<>(PlatformService.class);
        private List<String> profiles;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<PlatformService, Map<String, String>> serviceSettings = new EnumMap<>(PlatformService.class);
        private Duration readinessTimeout = Duration.ofSeconds(180);
        private List<String> jvmOptions = List.of("-Xmx512m");
        private int startAttempts = 2;

        private Builder() {
        }

        /** Wipe the data directory before starting. */
        public Builder clean(boolean clean) {
            this.clean = clean;
            return this;
        }

        /** Demo mode: the services also run with the {@code demo} profile, and the demo cases are filed. */
        public Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        /** Where the broker's data, the Kafka Streams state and the service logs go. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** The repository root, where {@code <module>/target/<module>-*-exec.jar} are looked for. */
        public Builder repositoryRoot(Path repositoryRoot) {
            this.repositoryRoot = repositoryRoot;
            return this;
        }

        /** Use this Kafka cluster instead of starting a broker. */
        public Builder kafka(String bootstrapServers) {
            this.externalKafka = bootstrapServers;
            return this;
        }

        /** Use this Confluent-API schema registry instead of starting one. */
        public Builder registry(String url) {
            this.externalRegistry = url;
            return this;
        }

        /** Use this SMTP server instead of starting the mail sink. */
        public Builder mailServer(String host, int port) {
            this.externalMailHost = host;
            this.externalMailPort = port;
            return this;
        }

        /** Use this PagerDuty Events API v2 endpoint instead of starting the pager sink. */
        public Builder pager(String url) {
            this.externalPager = url;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder registryPort(int port) {
            this.registryPort = port;
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        public Builder mailWebPort(int port) {
            this.mailWebPort = port;
            return this;
        }

        public Builder pagerPort(int port) {
            this.pagerPort = port;
            return this;
        }

        public Builder servicePort(PlatformService service, int port) {
            servicePorts.put(service, port);
            return this;
        }

        /** Every port the stack opens is a free one, so it runs beside anything else on the machine. */
        public Builder freePorts() {
            kafkaPort = 0;
            registryPort = 0;
            smtpPort = 0;
            mailWebPort = 0;
            pagerPort = 0;
            for (PlatformService service : PlatformService.values()) {
                servicePorts.put(service, 0);
            }
            return this;
        }

        /** Run only these services (default: all of them; a service not built is reported, not run). */
        public Builder services(java.util.Collection<PlatformService> services) {
            this.services = services.isEmpty() ? EnumSet.noneOf(PlatformService.class) : EnumSet.copyOf(services);
            return this;
        }

        /** The Spring profiles of every service (default {@code local}, plus {@code demo} in demo mode). */
        public Builder profiles(String... profiles) {
            this.profiles = List.of(profiles);
            return this;
        }

        /** A Spring setting for every service, e.g. {@code logging.level.root=WARN}. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** A Spring setting for one service, e.g. {@code support.sla.targets.sev1-case-only=45s} for {@link PlatformService#SLA}. */
        public Builder setting(PlatformService service, String key, String value) {
            serviceSettings.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        public Builder readinessTimeout(Duration timeout) {
            this.readinessTimeout = timeout;
            return this;
        }

        /**
         * How many times a service whose process exits while starting is started (default 2: once
         * more, with a warning; 1: a service that fails to start is reported, not retried).
         */
        public Builder startAttempts(int attempts) {
            this.startAttempts = attempts;
            return this;
        }

        /** Options of every service's JVM (default {@code -Xmx512m}). */
        public Builder jvmOptions(String... options) {
            this.jvmOptions = List.of(options);
            return this;
        }

        public LocalStackOptions build() {
            List<String> activeProfiles = profiles != null ? profiles
                    : demo ? List.of("local", "demo") : List.of("local");
            return new LocalStackOptions(clean, demo, dataDirectory, repositoryRoot,
                    Optional.ofNullable(externalKafka), Optional.ofNullable(externalRegistry),
                    Optional.ofNullable(externalMailHost), externalMailPort, Optional.ofNullable(externalPager),
                    kafkaPort, registryPort, smtpPort, mailWebPort, pagerPort,
                    services, servicePorts, new ArrayList<>(activeProfiles), settings, serviceSettings, readinessTimeout,
                    jvmOptions, startAttempts);
        }
    }
}
