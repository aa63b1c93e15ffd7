package io.supportsla.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a service's executable jar ({@code <module>/target/<module>-*-exec.jar}) as the reactor build leaves it. */
final class ServiceJars {

    private ServiceJars() {
    }

    /** Looks in the current directory's module and in its parent (the run starts in the benchmarks module). */
    static Path find(String module) {
        Path here = Path.of("").toAbsolutePath();
        for (Path root : new Path[] {here, here.getParent()}) {
            if (root == null) {
                continue;
            }
            Optional<Path> jar = inTarget(root.resolve(module).resolve("target"), module);
            if (jar.isPresent()) {
                return jar.get();
            }
        }
        throw new IllegalStateException("No executable jar of " + module + ": build it first (./mvnw -B install -DskipTests)"
                + " or name it with -Dbenchmark." + module + ".jar=PATH");
    }

    private static Optional<Path> inTarget(Path target, String module) {
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
