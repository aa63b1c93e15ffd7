package io.supportsla.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The four services of the platform, their modules and default HTTP ports. */
enum PlatformService {
    INTAKE("intake-service", 8080),
    SLA("sla-service", 8082),
    ESCALATION("escalation-service", 8083),
    NOTIFICATION("notification-service", 8084),
    OPS_CONSOLE("ops-console", 8085);

    /** The services the platform's flow needs; the console only watches. */
    static final java.util.List<PlatformService> CORE = java.util.List.of(INTAKE, SLA, ESCALATION, NOTIFICATION);

    private final String module;
    private final int defaultPort;

    PlatformService(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    String module() {
        return module;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** Where the service listens when the local stack runs it. */
    String localUrl() {
        return "http://localhost:" + defaultPort;
    }

    /** The service's executable jar as the Maven build leaves it, if it has been built. */
    Optional<Path> executableJar(Path repositoryRoot) {
        Path target = repositoryRoot.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(module + "-.*-exec\\.jar")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
