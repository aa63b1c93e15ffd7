package io.supportsla.serde.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * A schema registry held in memory, for rule-level tests such as Kafka Streams'
 * {@code TopologyTestDriver} where no registry server runs. As with Confluent's serdes,
 * {@code schema.registry.url=mock://<scope>} gives every serde configured with that scope the
 * same instance. Ids are global and the same schema gets the same id in every subject; no
 * compatibility rules are applied. Not for integration tests or production.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    /** The URL scheme that selects an in-memory registry. */
    public static final String MOCK_SCHEME = "mock://";

    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final Map<String, List<Schema>> versions = new HashMap<>();

    /** The shared registry of a {@code mock://} scope, created on first use. */
    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, ignored -> new InMemorySchemaRegistryClient());
    }

    /** Forgets a scope, so that the next test starts with an empty registry. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** Whether {@code url} names an in-memory scope ({@code mock://scope}). */
    public static boolean isMockUrl(String url) {
        return url != null && url.strip().toLowerCase(Locale.ROOT).startsWith(MOCK_SCHEME);
    }

    /** The scope named by a {@code mock://scope} URL. */
    public static String scopeOf(String url) {
        return url.strip().substring(MOCK_SCHEME.length());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> {
            int next = schemas.size() + 1;
            schemas.put(next, s);
            return next;
        });
        List<Schema> subjectVersions = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!subjectVersions.contains(schema)) {
            subjectVersions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        List<Schema> subjectVersions = versions.get(subject);
        if (subjectVersions == null) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404, 40401);
        }
        if (!subjectVersions.contains(schema)) {
            throw new SchemaRegistryException("Schema not found", 404, 40403);
        }
        return ids.get(schema);
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        List<Schema> subjectVersions = versions.get(subject);
        if (subjectVersions == null || subjectVersions.isEmpty()) {
            throw new SchemaRegistryException("Subject '" + subject + "' not found.", 404, 40401);
        }
        Schema latest = subjectVersions.get(subjectVersions.size() - 1);
        return new RegisteredSchema(subject, ids.get(latest), subjectVersions.size(), latest);
    }
}
