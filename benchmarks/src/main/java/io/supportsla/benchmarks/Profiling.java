package io.supportsla.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JFR recording of this JVM (the harness, the broker, the registry and an in-process intake) over
 * one part, with JFR's {@code profile} settings, when {@code benchmark.jfr} is on; otherwise
 * nothing. Read it with {@code jfr print --events jdk.ExecutionSample FILE} or {@code jfr summary FILE}.
 */
public final class Profiling implements AutoCloseable {

    private final Recording recording;
    private final Path file;

    private Profiling(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    public static Profiling start(boolean enabled, Path file) {
        if (!enabled) {
            return new Profiling(null, file);
        }
        try {
            Files.createDirectories(file.getParent());
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName(file.getFileName().toString());
            recording.start();
            return new Profiling(recording, file);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot start a JFR recording: " + e.getMessage(), e);
        }
    }

    /** The JVM options that make a service process record the same way into {@code file}. */
    public static String jvmOption(Path file) {
        return "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file.toAbsolutePath();
    }

    @Override
    public void close() {
        if (recording == null) {
            return;
        }
        try {
            recording.dump(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the JFR recording " + file + ": " + e.getMessage(), e);
        } finally {
            recording.close();
        }
    }
}
