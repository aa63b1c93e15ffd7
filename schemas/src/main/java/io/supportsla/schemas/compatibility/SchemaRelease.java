package io.supportsla.schemas.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;

import io.supportsla.schemas.Topic;
import io.supportsla.schemas.Topics;

/**
 * The released versions of each topic's value schema, kept in the repository under
 * {@code schemas/released/<subject>/v<N>.avsc}. Every build checks the current schemas against all
 * of them; {@link #main} records the current schemas as new released versions where they changed.
 */
public final class SchemaRelease {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private final Path releasedDirectory;

    public SchemaRelease(Path releasedDirectory) {
        this.releasedDirectory = releasedDirectory;
    }

    /** Released versions of a subject, by version number. */
    public TreeMap<Integer, Schema> releasedVersions(String subject) {
        TreeMap<Integer, Schema> versions = new TreeMap<>();
        Path directory = releasedDirectory.resolve(subject);
        if (!Files.isDirectory(directory)) {
            return versions;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    versions.put(Integer.parseInt(matcher.group(1)), new Schema.Parser().parse(file.toFile()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read released schemas in " + directory, e);
        }
        return versions;
    }

    /** Writes the topic's current schema as the next version if it differs from the latest released one. */
    public Optional<Path> release(Topic<?> topic) {
        TreeMap<Integer, Schema> versions = releasedVersions(topic.valueSubject());
        if (!versions.isEmpty() && versions.lastEntry().getValue().equals(topic.valueSchema())) {
            return Optional.empty();
        }
        int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        Path file = releasedDirectory.resolve(topic.valueSubject()).resolve("v" + next + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, topic.valueSchema().toString(true) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return Optional.of(file);
    }

    /** Usage: {@code SchemaRelease [released-directory]}; records changed schemas as released versions. */
    public static void main(String[] args) {
        Path directory = Path.of(args.length > 0 ? args[0] : "released");
        SchemaRelease release = new SchemaRelease(directory);
        List<Topic<?>> topics = Topics.avroTopics();
        for (Topic<?> topic : topics) {
            release.release(topic).ifPresentOrElse(
                    file -> System.out.println("released " + topic.valueSubject() + " as " + file),
                    () -> System.out.println(topic.valueSubject() + " unchanged"));
        }
    }
}
