package io.supportsla.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.supportsla.schemas.Topic;
import io.supportsla.schemas.Topics;

/**
 * The build's guard on the topic contract: every current value schema must read every released
 * version of its subject (BACKWARD), so analytics consumers can always replay the topics.
 * After a deliberate, compatible change, record it with
 * {@code ./mvnw -pl schemas compile exec:java}.
 */
class ReleasedSchemasCompatibilityTest {

    private final SchemaRelease release = new SchemaRelease(Path.of("released"));

    @TestFactory
    Stream<DynamicTest> everyTopicHasAReleasedVersion() {
        return Topics.avroTopics().stream().map(topic -> DynamicTest.dynamicTest(topic.valueSubject(),
                () -> assertThat(release.releasedVersions(topic.valueSubject()))
                        .as("released versions of %s under schemas/released", topic.valueSubject())
                        .isNotEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> currentSchemasReadEveryReleasedVersion() {
        return Topics.avroTopics().stream().map(topic -> DynamicTest.dynamicTest(topic.valueSubject(),
                () -> assertThat(problems(topic))
                        .as("%s is not BACKWARD compatible with its released versions", topic.valueSubject())
                        .isEmpty()));
    }

    private List<String> problems(Topic<?> topic) {
        List<String> problems = new ArrayList<>();
        release.releasedVersions(topic.valueSubject()).forEach((version, schema) ->
                BackwardCompatibility.problems(topic.valueSchema(), schema)
                        .forEach(problem -> problems.add("released version " + version + ": " + problem)));
        return problems;
    }
}
