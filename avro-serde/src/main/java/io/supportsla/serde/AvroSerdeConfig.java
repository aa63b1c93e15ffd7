package io.supportsla.serde;

import io.supportsla.serde.registry.CachedSchemaRegistryClient;
import io.supportsla.serde.registry.InMemorySchemaRegistryClient;
import io.supportsla.serde.registry.SchemaRegistryClient;
import io.supportsla.serde.registry.SchemaRegistrySettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The serde's settings, under the same keys as Confluent's serializers so that swapping in
 * Confluent's classes is a configuration change only. Parsing validates every value and stops with
 * a {@link ConfigException} naming the key. Keys of ours (all prefixed {@code schema.registry.})
 * tune timeouts and retries; Confluent's classes ignore them.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    /** Comma-separated registry base URLs, tried in turn. Required unless a client is passed in. */
    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    /** Register the record's schema under its subject when serializing (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Write with the subject's latest registered schema instead of the record's own (default false). */
    public static final String USE_LATEST_VERSION = "use.latest.version";
    /** Deserialize into generated SpecificRecord classes instead of GenericRecord (default false). */
    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    /** Where basic-auth credentials come from: {@code URL} (user info in the URL, the default) or {@code USER_INFO}. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for {@code basic.auth.credentials.source=USER_INFO}. */
    public static final String USER_INFO_CONFIG = "basic.auth.user.info";
    /** Only Confluent's TopicNameStrategy is supported; any other value is refused. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    /** Only Confluent's TopicNameStrategy is supported; any other value is refused. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    /** Ours: timeout of one registry HTTP request, connect included (default 10000). */
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    /** Ours: attempts for transport errors and 5xx answers, each trying every URL (default 3). */
    public static final String RETRY_MAX_ATTEMPTS_CONFIG = "schema.registry.retry.max.attempts";
    /** Ours: wait before the second attempt, doubling after each (default 200). */
    public static final String RETRY_BACKOFF_MS_CONFIG = "schema.registry.retry.backoff.ms";

    /** The one subject name strategy we implement, {@code <topic>-key} / {@code <topic>-value}. */
    public static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    private static final String SOURCE_URL = "URL";
    private static final String SOURCE_USER_INFO = "USER_INFO";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.LIST, List.of(), Importance.HIGH,
                    "Comma-separated Schema Registry base URLs, tried in turn.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema under its subject when serializing.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
                    "Serialize with the latest schema registered under the subject.")
            .define(SPECIFIC_AVRO_READER_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Deserialize into generated SpecificRecord classes.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, SOURCE_URL, Importance.MEDIUM,
                    "Where basic-auth credentials come from: URL or USER_INFO.")
            .define(USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                    "user:password for basic.auth.credentials.source=USER_INFO.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY, Importance.LOW,
                    "Subject name strategy for keys; only TopicNameStrategy is supported.")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY, Importance.LOW,
                    "Subject name strategy for values; only TopicNameStrategy is supported.")
            .define(REQUEST_TIMEOUT_MS_CONFIG, Type.LONG, SchemaRegistrySettings.DEFAULT_REQUEST_TIMEOUT.toMillis(),
                    Range.atLeast(1), Importance.LOW, "Timeout of one registry HTTP request in milliseconds.")
            .define(RETRY_MAX_ATTEMPTS_CONFIG, Type.INT, SchemaRegistrySettings.DEFAULT_MAX_ATTEMPTS,
                    Range.atLeast(1), Importance.LOW, "Attempts for registry transport errors and 5xx answers.")
            .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, SchemaRegistrySettings.DEFAULT_RETRY_BACKOFF.toMillis(),
                    Range.atLeast(1), Importance.LOW, "Wait before the second registry attempt in milliseconds, doubling after each.");

    private final List<URI> registryUrls;
    private final Optional<String> mockScope;
    private final String basicAuthUserInfo;

    /** Parses settings for a serde that builds its own registry client: {@code schema.registry.url} is required. */
    public AvroSerdeConfig(Map<String, ?> props) {
        this(props, true);
    }

    /**
     * Parses settings; {@code registryUrlRequired} is false for a serde given a ready
     * {@link io.supportsla.serde.registry.SchemaRegistryClient}.
     */
    public AvroSerdeConfig(Map<String, ?> props, boolean registryUrlRequired) {
        super(DEFINITION, props, false);
        this.mockScope = getList(SCHEMA_REGISTRY_URL_CONFIG).stream()
                .filter(InMemorySchemaRegistryClient::isMockUrl)
                .map(InMemorySchemaRegistryClient::scopeOf)
                .findFirst();
        List<URI> urlsWithCredentials = parseUrls(getList(SCHEMA_REGISTRY_URL_CONFIG).stream()
                .filter(url -> !InMemorySchemaRegistryClient.isMockUrl(url))
                .toList());
        if (urlsWithCredentials.isEmpty() && mockScope.isEmpty() && registryUrlRequired) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL_CONFIG
                    + "\": the Schema Registry base URL(s), comma-separated, e.g. http://localhost:8081");
        }
        this.basicAuthUserInfo = parseCredentials(urlsWithCredentials);
        this.registryUrls = urlsWithCredentials.stream().map(AvroSerdeConfig::withoutUserInfo).toList();
        requireTopicNameStrategy(KEY_SUBJECT_NAME_STRATEGY);
        requireTopicNameStrategy(VALUE_SUBJECT_NAME_STRATEGY);
    }

    public List<URI> registryUrls() {
        return registryUrls;
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER_CONFIG);
    }

    /**
     * The registry client these properties describe: the in-memory registry of a
     * {@code mock://scope} URL (for topology tests), otherwise a caching REST client.
     */
    public SchemaRegistryClient createClient() {
        return mockScope.<SchemaRegistryClient>map(InMemorySchemaRegistryClient::forScope)
                .orElseGet(() -> new CachedSchemaRegistryClient(registrySettings()));
    }

    /** The registry client settings these properties describe; needs at least one URL. */
    public SchemaRegistrySettings registrySettings() {
        if (registryUrls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL_CONFIG + "\"");
        }
        return new SchemaRegistrySettings(
                registryUrls,
                basicAuthUserInfo,
                Duration.ofMillis(getLong(REQUEST_TIMEOUT_MS_CONFIG)),
                getInt(RETRY_MAX_ATTEMPTS_CONFIG),
                Duration.ofMillis(getLong(RETRY_BACKOFF_MS_CONFIG)));
    }

    /** Confluent's definition of every key we read, for documentation and tooling. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    private static List<URI> parseUrls(List<String> values) {
        List<URI> urls = new ArrayList<>();
        for (String value : values) {
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI url;
            try {
                url = new URI(trimmed);
            } catch (URISyntaxException e) {
                throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, redact(trimmed), "not a URL: " + e.getReason());
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, redact(trimmed),
                        "expected an http:// or https:// URL with a host, e.g. http://localhost:8081");
            }
            urls.add(url);
        }
        return urls;
    }

    private String parseCredentials(List<URI> urls) {
        String source = getString(BASIC_AUTH_CREDENTIALS_SOURCE).strip().toUpperCase(Locale.ROOT);
        switch (source) {
            case SOURCE_USER_INFO -> {
                Password userInfo = getPassword(USER_INFO_CONFIG);
                if (userInfo == null || userInfo.value().isBlank()) {
                    throw new ConfigException("Missing required configuration \"" + USER_INFO_CONFIG + "\" (user:password), needed when "
                            + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_USER_INFO);
                }
                if (userInfo.value().indexOf(':') < 0) {
                    throw new ConfigException(USER_INFO_CONFIG, "[hidden]", "expected user:password");
                }
                return userInfo.value();
            }
            case SOURCE_URL -> {
                return urls.stream()
                        .map(URI::getUserInfo)
                        .filter(userInfo -> userInfo != null && !userInfo.isEmpty())
                        .findFirst()
                        .orElse(null);
            }
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
                    "supported values are " + SOURCE_URL + " and " + SOURCE_USER_INFO);
        }
    }

    private void requireTopicNameStrategy(String key) {
        String strategy = getString(key);
        if (strategy != null && !strategy.isBlank() && !strategy.strip().endsWith(".TopicNameStrategy")) {
            throw new ConfigException(key, strategy,
                    "only TopicNameStrategy (subjects <topic>-key and <topic>-value) is supported by io.supportsla.serde");
        }
    }

    private static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(), url.getFragment());
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, redact(url.toString()), e.getReason());
        }
    }

    /** Keeps credentials written into a URL out of error messages. */
    private static String redact(String url) {
        return url.replaceFirst("//[^/@]*@", "//***@");
    }
}
