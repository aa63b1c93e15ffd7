package io.supportsla.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one part's figures as {@code <output>/<part>.json} (with the machine, the size and the
 * settings it ran with) and prints them as a table.
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /** Writes {@code <output>/<part>.json} and returns its path. */
    public static Path write(Path output, String part, String size, Object settings, Machine machineAtStart, Object figures) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("part", part);
        document.put("size", size);
        document.put("finishedAt", Instant.now().toString());
        document.put("machine", machineAtStart);
        document.put("loadAverageAtEnd", Machine.currentLoadAverage());
        document.put("settings", settings);
        document.put("figures", figures);
        try {
            Files.createDirectories(output);
            Path file = output.resolve(part + ".json");
            JSON.writeValue(file.toFile(), document);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the figures of " + part + " to " + output, e);
        }
    }

    /** Prints the rows as a fixed-width table under a title. */
    public static void print(PrintStream out, String title, List<Row> rows) {
        int figureWidth = Math.max(6, rows.stream().mapToInt(row -> row.figure().length()).max().orElse(0));
        int valueWidth = Math.max(5, rows.stream().mapToInt(row -> row.value().length()).max().orElse(0));
        int targetWidth = Math.max(6, rows.stream().mapToInt(row -> row.target().length()).max().orElse(0));
        String format = "| %-" + figureWidth + "s | %-" + valueWidth + "s | %-" + targetWidth + "s | %-6s |%n";
        String rule = "+" + "-".repeat(figureWidth + 2) + "+" + "-".repeat(valueWidth + 2) + "+" + "-".repeat(targetWidth + 2)
                + "+--------+";
        StringBuilder table = new StringBuilder();
        table.append('\n').append(title).append('\n').append(rule).append('\n');
        table.append(String.format(format, "figure", "value", "target", "met"));
        table.append(rule).append('\n');
        for (Row row : rows) {
            table.append(String.format(format, row.figure(), row.value(), row.target(),
                    row.met() == null ? "" : row.met() ? "yes" : "NO"));
        }
        table.append(rule).append('\n');
        out.print(table);
        out.flush();
    }
}
