package io.supportsla.registry.compatibility;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a new schema of a subject must relate to the subject's earlier versions.
 * BACKWARD: a consumer on the new schema reads data written with the earlier one.
 * FORWARD: a consumer on the earlier schema reads data written with the new one.
 * FULL: both. The non-transitive levels compare with the latest version only, the transitive
 * ones with every version.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** The new schema, as reader, must read data written with the earlier one. */
    public boolean newSchemaMustReadOld() {
        return newReadsOld;
    }

    /** The earlier schema, as reader, must read data written with the new one. */
    public boolean oldSchemaMustReadNew() {
        return oldReadsNew;
    }

    /** Compared with every earlier version, not only the latest. */
    public boolean isTransitive() {
        return transitive;
    }

    /** Case-insensitive, as Confluent accepts {@code "full"} as well as {@code "FULL"}. */
    public static Optional<CompatibilityLevel> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(level -> level.name().equals(wanted)).findFirst();
    }
}
