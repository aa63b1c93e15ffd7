package io.supportsla.intake.rules;

/**
 * One bad field of a request.
 *
 * @param field the field's path in the request body, e.g. {@code title} or {@code documentation.caseNumbers[0]}
 * @param detail what is wrong with it
 */
public record FieldProblem(String field, String detail) {

    /** The field as a JSON Pointer (RFC 6901), as RFC 9457 suggests: {@code /documentation/caseNumbers/0}. */
    public String pointer() {
        if (field == null || field.isEmpty()) {
            return "";
        }
        return "/" + field.replace("~", "~0").replace("/", "~1").replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }
}
