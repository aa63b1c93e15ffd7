package io.supportsla.registry.compatibility;

import java.util.List;

/**
 * The outcome of comparing a schema with a subject's earlier versions: compatible when there
 * are no messages. The messages follow the form of Confluent's registry: one
 * {@code {errorType:..., description:..., additionalInfo:...}} per problem, then the version
 * and text of the schema it conflicts with and the level applied.
 */
public record CompatibilityVerdict(List<String> messages) {

    public static final CompatibilityVerdict COMPATIBLE = new CompatibilityVerdict(List.of());

    public CompatibilityVerdict {
        messages = List.copyOf(messages);
    }

    public boolean isCompatible() {
        return messages.isEmpty();
    }
}
