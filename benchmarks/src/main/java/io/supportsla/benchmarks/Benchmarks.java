package io.supportsla.benchmarks;

import io.supportsla.benchmarks.endtoend.EndToEndBenchmark;
import io.supportsla.benchmarks.endtoend.EndToEndResult;
import io.supportsla.benchmarks.intake.IntakeBenchmark;
import io.supportsla.benchmarks.intake.IntakeResult;
import io.supportsla.benchmarks.report.Machine;
import io.supportsla.benchmarks.report.Report;
import io.supportsla.benchmarks.timers.SlaTimerBenchmark;
import io.supportsla.benchmarks.timers.SlaTimerResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmark parts, prints each part's table and writes its figures to
 * {@code <output>/<part>.json}. The failsafe test {@code BenchmarksIT} runs them in the build;
 * {@link #main} runs them from a plain classpath ({@code benchmark.parts=intake,timers,e2e}).
 */
public final class Benchmarks {

    /** Avro 1.12 instantiates generated classes only from trusted packages, read once when Avro loads. */
    private static final String AVRO_TRUSTED_PACKAGES = "org.apache.avro.SERIALIZABLE_PACKAGES";

    private Benchmarks() {
    }

    public static void main(String[] args) throws InterruptedException {
        trustGeneratedAvroClasses();
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        List<String> parts = Arrays.stream(System.getProperty("benchmark.parts", "intake,timers,e2e").split(","))
                .map(part -> part.strip().toLowerCase(Locale.ROOT)).toList();
        boolean correct = true;
        if (parts.contains("intake")) {
            IntakeResult intake = intake(settings, System.out);
            correct &= intake.failed() == 0 && intake.audit().lost() == 0 && intake.audit().doubled() == 0;
        }
        if (parts.contains("timers")) {
            correct &= timers(settings, System.out).exactlyOnce().holds();
        }
        if (parts.contains("e2e") && settings.endToEnd().enabled()) {
            EndToEndResult endToEnd = endToEnd(settings, System.out);
            correct &= endToEnd.unpaged() == 0 && endToEnd.duplicatePages() == 0 && endToEnd.breachedTwice() == 0;
        }
        if (!correct) {
            System.err.println("A correctness check failed: see the tables above.");
            System.exit(1);
        }
    }

    /** Part 1: intake against the raw producer. */
    public static IntakeResult intake(BenchmarkSettings settings, PrintStream out) throws InterruptedException {
        trustGeneratedAvroClasses();
        Machine machine = Machine.now();
        IntakeResult result = new IntakeBenchmark(settings).run();
        Path file = Report.write(settings.output(), "intake", settings.size().name().toLowerCase(Locale.ROOT),
                settings.intake().describe(), machine, result);
        Report.print(out, "Intake (" + settings.size().name().toLowerCase(Locale.ROOT) + " size, figures in " + file + ")",
                result.rows());
        return result;
    }

    /** Part 2: the SLA timers of one sla-service instance. */
    public static SlaTimerResult timers(BenchmarkSettings settings, PrintStream out) throws InterruptedException {
        trustGeneratedAvroClasses();
        Machine machine = Machine.now();
        SlaTimerResult result = new SlaTimerBenchmark(settings).run();
        Path file = Report.write(settings.output(), "sla-timers", settings.size().name().toLowerCase(Locale.ROOT),
                settings.timers().describe(), machine, result);
        Report.print(out, "SLA timers (" + settings.size().name().toLowerCase(Locale.ROOT) + " size, figures in " + file + ")",
                result.rows());
        return result;
    }

    /** Part 3: deadline to page with the four services running. */
    public static EndToEndResult endToEnd(BenchmarkSettings settings, PrintStream out) throws InterruptedException {
        trustGeneratedAvroClasses();
        Machine machine = Machine.now();
        EndToEndResult result = new EndToEndBenchmark(settings).run();
        Path file = Report.write(settings.output(), "end-to-end", settings.size().name().toLowerCase(Locale.ROOT),
                settings.endToEnd().describe(), machine, result);
        Report.print(out, "End to end (" + settings.size().name().toLowerCase(Locale.ROOT) + " size, figures in " + file + ")",
                result.rows());
        return result;
    }

    private static void trustGeneratedAvroClasses() {
        String schemas = "io.supportsla.schemas";
        String current = System.getProperty(AVRO_TRUSTED_PACKAGES);
        if (current == null || current.isBlank()) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, schemas);
        } else if (!Arrays.asList(current.split(",")).contains(schemas)) {
            System.setProperty(AVRO_TRUSTED_PACKAGES, current + "," + schemas);
        }
    }
}
