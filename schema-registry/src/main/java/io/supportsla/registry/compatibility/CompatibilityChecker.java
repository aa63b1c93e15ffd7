package io.supportsla.registry.compatibility;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Applies a {@link CompatibilityLevel} with Avro's own reader/writer resolution rules
 * ({@link SchemaCompatibility}), so "compatible" means exactly what Avro decoding will accept.
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * Compares {@code candidate} with the subject's earlier versions.
     *
     * @param previousVersions the live versions of the subject, oldest first
     */
    public static CompatibilityVerdict check(
            CompatibilityLevel level, Schema candidate, List<PreviousVersion> previousVersions) {
        if (level == CompatibilityLevel.NONE || previousVersions.isEmpty()) {
            return CompatibilityVerdict.COMPATIBLE;
        }
        List<PreviousVersion> compared = level.isTransitive()
                ? previousVersions
                : previousVersions.subList(previousVersions.size() - 1, previousVersions.size());
        // Newest first: the conflict with the most recent version is the one a user acts on.
        for (int i = compared.size() - 1; i >= 0; i--) {
            PreviousVersion previous = compared.get(i);
            List<String> problems = problemsBetween(level, candidate, previous.schema());
            if (!problems.isEmpty()) {
                List<String> messages = new ArrayList<>(problems);
                messages.add("{oldSchemaVersion: " + previous.version() + "}");
                messages.add("{oldSchema: '" + previous.schema() + "'}");
                messages.add("{compatibility: '" + level.name() + "'}");
                return new CompatibilityVerdict(messages);
            }
        }
        return CompatibilityVerdict.COMPATIBLE;
    }

    private static List<String> problemsBetween(CompatibilityLevel level, Schema candidate, Schema previous) {
        List<String> problems = new ArrayList<>();
        if (level.newSchemaMustReadOld()) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous), "new", "old", problems);
        }
        if (level.oldSchemaMustReadNew()) {
            describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate), "old", "new", problems);
        }
        return problems;
    }

    private static void describe(
            SchemaCompatibility.SchemaPairCompatibility pair, String reader, String writer, List<String> into) {
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            into.add("{errorType:'" + incompatibility.getType()
                    + "', description:'" + description(incompatibility, reader, writer)
                    + "', additionalInfo:'" + incompatibility.getMessage() + "'}");
        }
    }

    private static String description(Incompatibility incompatibility, String reader, String writer) {
        String path = incompatibility.getLocation();
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + incompatibility.getMessage()
                    + "' at path '" + path + "' in the " + reader + " schema has no default value and is missing in the "
                    + writer + " schema";
            case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case MISSING_UNION_BRANCH -> "The " + reader + " schema is missing a type inside a union field at path '"
                    + path + "' in the " + writer + " schema";
            case MISSING_ENUM_SYMBOLS -> "The " + reader + " schema is missing enum symbols '"
                    + incompatibility.getMessage() + "' at path '" + path + "' in the " + writer + " schema";
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + reader
                    + " schema does not match with the " + writer + " schema";
        };
    }
}
