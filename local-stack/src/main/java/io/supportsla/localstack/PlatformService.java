package io.supportsla.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The services of the platform as the local stack runs them: their modules and default HTTP ports. */
public enum PlatformService {
    INTAKE("intake-service", 8080),
    SLA("sla-service", 8082),
    ESCALATION("escalation-service", 8083),
    NOTIFICATION("notification-service", 8084),
    OPS_CONSOLE("ops-console", 8085);

    /** The services the platform's flow needs; the console only watches. */
    public static final List<PlatformService> CORE = List.of(INTAKE, SLA, ESCALATION, NOTIFICATION);

    private final String module;
    private final int defaultPort;

    PlatformService(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    /** The Maven module, which is also the service's name ({@code spring.application.name}). */
    public String module() {
        return module;
    }

    /** The HTTP port the local stack gives it unless told otherwise. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The service's executable jar as the Maven build leaves it ({@code <module>/target/<module>-*-exec.jar}), if built. */
    public Optional<Path> executableJar(Path repositoryRoot) {
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
