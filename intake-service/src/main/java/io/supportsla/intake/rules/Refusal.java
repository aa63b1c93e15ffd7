package io.supportsla.intake.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request intake will not carry out, with the rule that refused it, a message for the person
 * who sent it, the fields at fault and any details (such as the partner to contact). Nothing is
 * published for a refused request. An expected outcome, not an error: it has no stack trace.
 */
public final class Refusal extends RuntimeException {

    private final RefusalReason reason;
    private final List<FieldProblem> problems;
    private final Map<String, Object> details;

    private Refusal(RefusalReason reason, String message, List<FieldProblem> problems, Map<String, Object> details) {
        super(message, null, false, false);
        this.reason = reason;
        this.problems = List.copyOf(problems);
        this.details = Map.copyOf(details);
    }

    public static Refusal of(RefusalReason reason, String message) {
        return new Refusal(reason, message, List.of(), Map.of());
    }

    /** A refusal of the request's shape: each bad field with what is wrong with it. */
    public static Refusal invalid(List<FieldProblem> problems) {
        String fields = problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        String message = problems.size() == 1
                ? "Field '" + problems.get(0).field() + "' " + problems.get(0).detail()
                : problems.size() + " problems in fields " + fields;
        return new Refusal(RefusalReason.INVALID_REQUEST, message, problems, Map.of());
    }

    /** The same refusal, naming a field at fault. */
    public Refusal atField(String field, String detail) {
        List<FieldProblem> more = new java.util.ArrayList<>(problems);
        more.add(new FieldProblem(field, detail));
        return new Refusal(reason, getMessage(), more, details);
    }

    /** The same refusal with a detail for the response body, e.g. the partner to contact. */
    public Refusal with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new Refusal(reason, getMessage(), problems, more);
    }

    public RefusalReason reason() {
        return reason;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Map<String, Object> details() {
        return details;
    }
}
