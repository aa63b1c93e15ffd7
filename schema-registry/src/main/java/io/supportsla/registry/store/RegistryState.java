package io.supportsla.registry.store;

import io.supportsla.registry.compatibility.CompatibilityLevel;
import io.supportsla.registry.store.StoreRecord.CompatibilityConfigured;
import io.supportsla.registry.store.StoreRecord.SchemaVersion;
import io.supportsla.registry.store.StoreRecord.SchemaVersionRemoved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the registry knows, built by applying the log's records in order. Thread-safe: the
 * store's reader applies records while request threads read.
 */
public final class RegistryState {

    private final Map<String, NavigableMap<Integer, SchemaVersion>> versionsBySubject = new HashMap<>();
    private final Map<Integer, String> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int highestId;

    public synchronized void apply(StoreRecord record) {
        if (record instanceof SchemaVersion version) {
            highestId = Math.max(highestId, version.id());
            if (version.isAvro()) {
                versionsBySubject.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
                schemasById.putIfAbsent(version.id(), version.schema());
                idsBySchema.putIfAbsent(version.schema(), version.id());
            }
        } else if (record instanceof SchemaVersionRemoved removed) {
            NavigableMap<Integer, SchemaVersion> versions = versionsBySubject.get(removed.subject());
            if (versions != null) {
                versions.remove(removed.version());
                if (versions.isEmpty()) {
                    versionsBySubject.remove(removed.subject());
                }
            }
        } else if (record instanceof CompatibilityConfigured configured) {
            if (configured.isGlobal()) {
                globalLevel = configured.level();
            } else if (configured.level() == null) {
                subjectLevels.remove(configured.subject());
            } else {
                subjectLevels.put(configured.subject(), configured.level());
            }
        }
    }

    /** The subject's versions that are not deleted, oldest first; empty for an unknown subject. */
    public synchronized List<StoredVersion> liveVersions(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return List.of();
        }
        List<StoredVersion> live = new ArrayList<>();
        for (SchemaVersion version : versions.values()) {
            if (!version.deleted()) {
                live.add(new StoredVersion(version.subject(), version.version(), version.id(), version.schema()));
            }
        }
        return live;
    }

    /** The highest version number the subject ever had, deleted ones included; 0 for none. */
    public synchronized int highestVersion(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = versionsBySubject.get(subject);
        return versions == null || versions.isEmpty() ? 0 : versions.lastKey();
    }

    /** Subjects with at least one live version, sorted. */
    public synchronized List<String> subjects() {
        return versionsBySubject.keySet().stream()
                .filter(subject -> !liveVersions(subject).isEmpty())
                .sorted()
                .toList();
    }

    /** The live versions, across subjects, that are the schema with this id. */
    public synchronized List<StoredVersion> versionsWithId(int id) {
        return versionsBySubject.keySet().stream()
                .sorted()
                .flatMap(subject -> liveVersions(subject).stream())
                .filter(version -> version.id() == id)
                .toList();
    }

    public synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The global id of a schema, by its normalized text. */
    public synchronized Optional<Integer> idOfSchema(String normalizedSchema) {
        return Optional.ofNullable(idsBySchema.get(normalizedSchema));
    }

    /** The highest id in use, including ids of schemas of other types; 0 when empty. */
    public synchronized int highestId() {
        return highestId;
    }

    public synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }
}
