package io.supportsla.schemas.compatibility;

import java.util.function.Consumer;

import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Edits a schema's JSON the way a developer would edit an .avsc file, for compatibility tests. */
final class SchemaEdit {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root;

    private SchemaEdit(Schema schema) {
        try {
            root = (ObjectNode) JSON.readTree(schema.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static SchemaEdit of(Schema schema) {
        return new SchemaEdit(schema);
    }

    SchemaEdit addField(String recordName, String fieldJson) {
        return onNamed(recordName, record -> ((ArrayNode) record.get("fields")).add(parse(fieldJson)));
    }

    SchemaEdit changeFieldType(String recordName, String fieldName, String typeJson) {
        return onNamed(recordName, record -> record.get("fields").forEach(field -> {
            if (field.get("name").asText().equals(fieldName)) {
                ((ObjectNode) field).set("type", parse(typeJson));
            }
        }));
    }

    SchemaEdit removeEnumSymbol(String enumName, String symbol) {
        return onNamed(enumName, en -> {
            ArrayNode symbols = (ArrayNode) en.get("symbols");
            for (int i = 0; i < symbols.size(); i++) {
                if (symbols.get(i).asText().equals(symbol)) {
                    symbols.remove(i);
                    return;
                }
            }
        });
    }

    SchemaEdit removeUnionBranch(String fieldName, String branchName) {
        ArrayNode fields = (ArrayNode) root.get("fields");
        fields.forEach(field -> {
            if (field.get("name").asText().equals(fieldName)) {
                ArrayNode branches = (ArrayNode) field.get("type");
                for (int i = 0; i < branches.size(); i++) {
                    if (branchName.equals(branches.get(i).path("name").asText())) {
                        branches.remove(i);
                        return;
                    }
                }
            }
        });
        return this;
    }

    Schema toSchema() {
        return new Schema.Parser().parse(root.toString());
    }

    private SchemaEdit onNamed(String name, Consumer<ObjectNode> edit) {
        if (!visit(root, name, edit)) {
            throw new IllegalArgumentException("No type named " + name + " in the schema");
        }
        return this;
    }

    private static boolean visit(JsonNode node, String name, Consumer<ObjectNode> edit) {
        if (node.isObject() && name.equals(node.path("name").asText()) && node.has("type")
                && (node.get("type").asText().equals("record") || node.get("type").asText().equals("enum"))) {
            edit.accept((ObjectNode) node);
            return true;
        }
        for (JsonNode child : node) {
            if (visit(child, name, edit)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
