package io.supportsla.schemas.compatibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks that a new version of a schema can read every record written with a released one
 * (BACKWARD compatibility, as the registry enforces it). Avro's own checker decides; this class
 * then walks both schemas to say, by field path (for example {@code payload.CaseCreated.title}),
 * where each problem lies.
 */
public final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /** The problems that stop {@code candidate} reading data written with {@code released}; empty when compatible. */
    public static List<String> problems(Schema candidate, Schema released) {
        if (compatible(candidate, released)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        explain(candidate, released, "", problems);
        if (problems.isEmpty()) {
            // Avro found something our walk does not describe: report Avro's own words.
            var result = SchemaCompatibility.checkReaderWriterCompatibility(candidate, released).getResult();
            for (Incompatibility incompatibility : result.getIncompatibilities()) {
                problems.add("at " + incompatibility.getLocation() + ": " + incompatibility.getType() + ": "
                        + incompatibility.getMessage());
            }
        }
        return problems;
    }

    private static boolean compatible(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }

    private static void explain(Schema reader, Schema writer, String path, List<String> problems) {
        if (compatible(reader, writer)) {
            return;
        }
        if (writer.getType() == Schema.Type.UNION) {
            for (Schema branch : writer.getTypes()) {
                Schema match = matchingBranch(reader, branch);
                if (match == null) {
                    problems.add("field " + label(path) + ": " + describe(branch)
                            + " was removed, but records written before use it");
                } else {
                    explain(match, branch, branch.getType() == Schema.Type.RECORD ? join(path, branch.getName()) : path,
                            problems);
                }
            }
            return;
        }
        if (reader.getType() == Schema.Type.UNION) {
            Schema match = matchingBranch(reader, writer);
            if (match != null) {
                explain(match, writer, path, problems);
                return;
            }
        }
        if (reader.getType() == Schema.Type.RECORD && writer.getType() == Schema.Type.RECORD) {
            for (Schema.Field field : reader.getFields()) {
                Schema.Field written = writtenField(writer, field);
                if (written == null) {
                    if (!field.hasDefaultValue()) {
                        problems.add("field " + join(path, field.name()) + ": new field '" + field.name()
                                + "' has no default, so records written before it cannot be read (add a default)");
                    }
                } else {
                    explain(field.schema(), written.schema(), join(path, field.name()), problems);
                }
            }
            return;
        }
        if (reader.getType() == Schema.Type.ENUM && writer.getType() == Schema.Type.ENUM) {
            Set<String> missing = new LinkedHashSet<>(writer.getEnumSymbols());
            missing.removeAll(reader.getEnumSymbols());
            problems.add("field " + label(path) + ": enum " + reader.getName() + " lost symbols " + missing
                    + " that records written before use");
            return;
        }
        if (reader.getType() == Schema.Type.ARRAY && writer.getType() == Schema.Type.ARRAY) {
            explain(reader.getElementType(), writer.getElementType(), path + "[]", problems);
            return;
        }
        if (reader.getType() == Schema.Type.MAP && writer.getType() == Schema.Type.MAP) {
            explain(reader.getValueType(), writer.getValueType(), path + "{}", problems);
            return;
        }
        problems.add("field " + label(path) + ": type changed from " + describe(writer) + " to " + describe(reader)
                + ", which cannot read the old values");
    }

    private static Schema.Field writtenField(Schema writer, Schema.Field readerField) {
        Schema.Field written = writer.getField(readerField.name());
        if (written == null) {
            for (String alias : readerField.aliases()) {
                written = writer.getField(alias);
                if (written != null) {
                    break;
                }
            }
        }
        return written;
    }

    private static Schema matchingBranch(Schema reader, Schema writerBranch) {
        List<Schema> candidates = reader.getType() == Schema.Type.UNION ? reader.getTypes() : List.of(reader);
        for (Schema candidate : candidates) {
            boolean named = candidate.getType() == Schema.Type.RECORD || candidate.getType() == Schema.Type.ENUM
                    || candidate.getType() == Schema.Type.FIXED;
            if (named ? candidate.getType() == writerBranch.getType() && candidate.getName().equals(writerBranch.getName())
                    : candidate.getType() == writerBranch.getType()) {
                return candidate;
            }
        }
        for (Schema candidate : candidates) {
            if (compatible(candidate, writerBranch)) {
                return candidate;
            }
        }
        return null;
    }

    private static String describe(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getType().getName() + " " + schema.getName();
            default -> schema.getLogicalType() != null ? schema.getLogicalType().getName() : schema.getType().getName();
        };
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String label(String path) {
        return path.isEmpty() ? "(root)" : path;
    }
}
