package io.supportsla.registry.schemas;

import io.supportsla.registry.RegistryError;
import io.supportsla.registry.RegistryException;
import io.supportsla.registry.compatibility.CompatibilityChecker;
import io.supportsla.registry.compatibility.CompatibilityLevel;
import io.supportsla.registry.compatibility.CompatibilityVerdict;
import io.supportsla.registry.compatibility.PreviousVersion;
import io.supportsla.registry.store.RegistryState;
import io.supportsla.registry.store.SchemaStore;
import io.supportsla.registry.store.StoreRecord;
import io.supportsla.registry.store.StoredVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules: global ids by schema identity, versions per subject, compatibility
 * levels and their enforcement. Reads come from the store's state; every write goes through the
 * store's log. Writes are serialized within this instance, so a check and the write it allows
 * cannot interleave with another write; across instances there must be only one writer, as with
 * Confluent's leader.
 */
public final class SchemaRegistry {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);

    private final SchemaStore store;
    private final CompatibilityLevel defaultLevel;
    private final ReentrantLock writes = new ReentrantLock();

    public SchemaRegistry(SchemaStore store, CompatibilityLevel defaultLevel) {
        this.store = Objects.requireNonNull(store, "store");
        this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
    }

    /**
     * Registers a schema in a subject. A schema the subject already has is returned as it is; a
     * schema known in another subject keeps its id; otherwise it gets the next id. Refused with
     * {@link RegistryError#INCOMPATIBLE_SCHEMA} when the subject's level forbids it.
     */
    public Registration register(String subject, SchemaSubmission submission) {
        Subjects.requireValid(subject);
        AvroSchemaText candidate = submission.parse();
        writes.lock();
        try {
            RegistryState state = store.state();
            List<StoredVersion> live = state.liveVersions(subject);
            for (StoredVersion existing : live) {
                if (existing.schema().equals(candidate.normalized())) {
                    return new Registration(toRegistered(existing), false);
                }
            }
            CompatibilityLevel level = effectiveLevel(subject);
            CompatibilityVerdict verdict = CompatibilityChecker.check(level, candidate.schema(), asPrevious(live));
            if (!verdict.isCompatible()) {
                log.info("Schema rejected as incompatible subject={} level={} versions={}", subject, level, live.size());
                throw new RegistryException(RegistryError.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with an earlier schema for subject \""
                                + subject + "\", details: " + verdict.messages());
            }
            int id = state.idOfSchema(candidate.normalized()).orElse(state.highestId() + 1);
            int version = state.highestVersion(subject) + 1;
            store.append(StoreRecord.SchemaVersion.avro(subject, version, id, candidate.normalized()));
            log.info("Schema registered subject={} version={} id={} level={}", subject, version, id, level);
            return new Registration(new RegisteredSchema(subject, version, id, candidate.normalized()), true);
        } finally {
            writes.unlock();
        }
    }

    /** The version of the subject that is this schema. */
    public RegisteredSchema lookUp(String subject, SchemaSubmission submission) {
        List<StoredVersion> live = liveVersionsOf(subject);
        AvroSchemaText candidate = submission.parse();
        return live.stream()
                .filter(version -> version.schema().equals(candidate.normalized()))
                .findFirst()
                .map(SchemaRegistry::toRegistered)
                .orElseThrow(() -> new RegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema not found"));
    }

    public String schemaById(int id) {
        return store.state().schemaById(id).orElseThrow(() -> schemaNotFound(id));
    }

    /** Where the schema with this id is registered. */
    public List<SubjectVersionRef> versionsOfSchema(int id) {
        schemaById(id);
        return store.state().versionsWithId(id).stream()
                .map(version -> new SubjectVersionRef(version.subject(), version.version()))
                .toList();
    }

    public List<String> subjects() {
        return store.state().subjects();
    }

    public List<Integer> versions(String subject) {
        return liveVersionsOf(subject).stream().map(StoredVersion::version).toList();
    }

    public RegisteredSchema version(String subject, VersionId versionId) {
        List<StoredVersion> live = liveVersionsOf(subject);
        if (versionId.isLatest()) {
            return toRegistered(live.get(live.size() - 1));
        }
        return live.stream()
                .filter(version -> version.version() == versionId.number())
                .findFirst()
                .map(SchemaRegistry::toRegistered)
                .orElseThrow(() -> versionNotFound(versionId));
    }

    /**
     * Whether the schema could be registered after the given version, under the subject's level.
     * As Confluent's registry does: {@code latest} of a subject without versions is compatible; a
     * numbered version that does not exist is {@link RegistryError#VERSION_NOT_FOUND}, whether or
     * not the subject exists.
     */
    public CompatibilityVerdict checkAgainstVersion(String subject, VersionId versionId, SchemaSubmission submission) {
        List<StoredVersion> live = store.state().liveVersions(subject);
        List<StoredVersion> compared;
        if (versionId.isLatest()) {
            compared = live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
        } else {
            compared = live.stream().filter(version -> version.version() == versionId.number()).toList();
            if (compared.isEmpty()) {
                throw versionNotFound(versionId);
            }
        }
        AvroSchemaText candidate = submission.parse();
        return CompatibilityChecker.check(effectiveLevel(subject), candidate.schema(), asPrevious(compared));
    }

    /** Whether the schema could be registered in the subject now: the same check as {@link #register}. */
    public CompatibilityVerdict checkAgainstSubject(String subject, SchemaSubmission submission) {
        AvroSchemaText candidate = submission.parse();
        List<StoredVersion> live = store.state().liveVersions(subject);
        return CompatibilityChecker.check(effectiveLevel(subject), candidate.schema(), asPrevious(live));
    }

    /** The global level: the configured one, else the default from the settings. */
    public CompatibilityLevel globalLevel() {
        return store.state().globalLevel().orElse(defaultLevel);
    }

    /**
     * The subject's own level; without one, the global level when {@code defaultToGlobal}, else
     * {@link RegistryError#SUBJECT_COMPATIBILITY_NOT_CONFIGURED}.
     */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        return store.state().subjectLevel(subject)
                .or(() -> defaultToGlobal ? Optional.of(globalLevel()) : Optional.empty())
                .orElseThrow(() -> new RegistryException(RegistryError.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                        "Subject '" + subject + "' does not have subject-level compatibility configured"));
    }

    /** The level a registration in this subject is checked with. */
    public CompatibilityLevel effectiveLevel(String subject) {
        return store.state().subjectLevel(subject).orElseGet(this::globalLevel);
    }

    public CompatibilityLevel setGlobalLevel(String levelName) {
        return configure(null, levelName);
    }

    public CompatibilityLevel setSubjectLevel(String subject, String levelName) {
        Subjects.requireValid(Objects.requireNonNull(subject, "subject"));
        return configure(subject, levelName);
    }

    private CompatibilityLevel configure(String subject, String levelName) {
        CompatibilityLevel level = CompatibilityLevel.named(levelName).orElseThrow(() -> new RegistryException(
                RegistryError.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level. Valid values are none, backward, forward, full, "
                        + "backward_transitive, forward_transitive, and full_transitive"));
        writes.lock();
        try {
            store.append(new StoreRecord.CompatibilityConfigured(subject, level));
        } finally {
            writes.unlock();
        }
        log.info("Compatibility level set subject={} level={}", subject == null ? "<global>" : subject, level);
        return level;
    }

    private List<StoredVersion> liveVersionsOf(String subject) {
        List<StoredVersion> live = store.state().liveVersions(subject);
        if (live.isEmpty()) {
            throw new RegistryException(RegistryError.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        return live;
    }

    private static List<PreviousVersion> asPrevious(List<StoredVersion> versions) {
        // Stored texts were normalized by this parser when registered, so they parse again.
        return versions.stream()
                .map(version -> new PreviousVersion(version.version(), new Schema.Parser().parse(version.schema())))
                .toList();
    }

    private static RegisteredSchema toRegistered(StoredVersion version) {
        return new RegisteredSchema(version.subject(), version.version(), version.id(), version.schema());
    }

    private static RegistryException schemaNotFound(int id) {
        return new RegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    private static RegistryException versionNotFound(VersionId versionId) {
        return new RegistryException(RegistryError.VERSION_NOT_FOUND, "Version " + versionId.number() + " not found.");
    }
}
