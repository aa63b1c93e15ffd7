package io.supportsla.intake.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.supportsla.intake.rules.FieldProblem;
import io.supportsla.intake.rules.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a JSON object to a request record strictly, and reports every bad field at once: unknown
 * fields, values of the wrong type (no coercion: {@code "5"} is not a number, {@code 1} is not a
 * severity), then the record's Bean Validation constraints. The same binder serves the HTTP API and
 * the portal's Kafka topic, so both validate alike. Field names are JSON paths such as
 * {@code documentation.caseNumbers[0]}. Text must be well-formed: no unpaired surrogates, control
 * characters (other than tab and line breaks) or bidirectional overrides ({@link Text}).
 */
public final class StrictJsonBinder {

    private final ObjectMapper mapper;
    private final Validator validator;

    public StrictJsonBinder(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The request as the record type, or a {@link Refusal} of kind INVALID naming each bad field. */
    public <T extends Record> T bind(JsonNode json, Class<T> type) {
        if (json == null || json.isMissingNode() || json.isNull()) {
            throw Refusal.invalid(List.of(new FieldProblem("", "the request body is required: a JSON object")));
        }
        if (!json.isObject()) {
            throw Refusal.invalid(List.of(new FieldProblem("", "the request body must be a JSON object")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        // Bad fields are reported, then dropped, so the constraints of the others are checked too.
        ObjectNode checked = (ObjectNode) json.deepCopy();
        checkObject(checked, type, "", problems);
        T value;
        try {
            value = mapper.treeToValue(checked, type);
        } catch (JacksonException e) {
            // Not expected after the checks above; still a problem of the request, never a server error.
            problems.add(new FieldProblem(e.getPathReference() == null ? "" : e.getPathReference(), e.getOriginalMessage()));
            throw Refusal.invalid(problems);
        }
        Set<String> alreadyReported = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
        validator.validate(value).stream()
                .map(violation -> new FieldProblem(jsonPath(type, violation), violation.getMessage()))
                .filter(violation -> !alreadyReported.contains(violation.field()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::detail));
            throw Refusal.invalid(problems);
        }
        return value;
    }

    /** Reports unknown fields and values of the wrong type, and removes them from the object. */
    private void checkObject(ObjectNode json, Class<?> type, String path, List<FieldProblem> problems) {
        Map<String, RecordComponent> components = componentsByJsonName(type);
        for (String name : List.copyOf(json.propertyNames())) {
            if (!components.containsKey(name)) {
                problems.add(new FieldProblem(path + name, "is not a known field; known fields are "
                        + String.join(", ", components.keySet())));
                json.remove(name);
            }
        }
        components.forEach((name, component) -> {
            JsonNode value = json.get(name);
            if (value != null && !value.isNull() && !checkType(value, component.getGenericType(), path + name, problems)) {
                json.remove(name);
            }
        });
    }

    /** Reports a value of the wrong type; false when the value itself must be dropped (its parts are fixed in place). */
    private boolean checkType(JsonNode value, Type type, String path, List<FieldProblem> problems) {
        Class<?> raw = rawClass(type);
        if (raw == String.class) {
            return require(value.isString(), "must be a string", path, problems)
                    && require(Text.forbiddenCharacter(value.asString()) == null, "must not contain "
                            + Text.forbiddenCharacter(value.asString()), path, problems);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return require(value.isBoolean(), "must be true or false", path, problems);
        }
        if (raw == Integer.class || raw == int.class) {
            return require(value.isIntegralNumber() && value.canConvertToInt(), "must be a whole number", path, problems);
        }
        if (raw == Long.class || raw == long.class) {
            return require(value.isIntegralNumber() && value.canConvertToLong(), "must be a whole number", path, problems);
        }
        if (raw.isEnum()) {
            List<String> symbols = Arrays.stream(raw.getEnumConstants()).map(symbol -> ((Enum<?>) symbol).name()).toList();
            return require(value.isString() && symbols.contains(value.asString()), "must be one of " + String.join(", ", symbols),
                    path, problems);
        }
        if (raw == Instant.class) {
            return require(value.isString() && isInstant(value.asString()),
                    "must be a date and time with offset (ISO 8601), e.g. 2025-06-30T09:15:00Z", path, problems);
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!require(value.isArray(), "must be an array", path, problems)) {
                return false;
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isNull() && !checkType(array.get(i), element, path + "[" + i + "]", problems)) {
                    array.set(i, NullNode.getInstance());
                }
            }
            return true;
        }
        if (raw.isRecord()) {
            if (!require(value.isObject(), "must be an object", path, problems)) {
                return false;
            }
            checkObject((ObjectNode) value, raw, path + ".", problems);
            return true;
        }
        return true;
    }

    /** The violation's property path in JSON names: {@code documentation.caseNumbers[0]}. */
    private static String jsonPath(Class<?> root, ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        Class<?> current = root;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                RecordComponent component = current == null ? null : componentsByJavaName(current).get(node.getName());
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(component == null ? node.getName() : jsonName(component));
                current = component == null ? null : nestedRecord(component.getGenericType());
            }
        }
        return path.toString();
    }

    private static Class<?> nestedRecord(Type type) {
        Class<?> raw = rawClass(type);
        if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
            raw = rawClass(parameterized.getActualTypeArguments()[0]);
        }
        return raw.isRecord() ? raw : null;
    }

    private static Map<String, RecordComponent> componentsByJsonName(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(StrictJsonBinder::jsonName, component -> component, (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, RecordComponent> componentsByJavaName(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, component -> component));
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null && component.getAccessor() != null) {
            property = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean require(boolean ok, String detail, String path, List<FieldProblem> problems) {
        if (!ok) {
            problems.add(new FieldProblem(path, detail));
        }
        return ok;
    }
}
