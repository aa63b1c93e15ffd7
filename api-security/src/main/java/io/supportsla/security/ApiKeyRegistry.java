package io.supportsla.security;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API keys: authenticates a presented key by its SHA-256 and resolves a key's
 * name to its caller. Immutable; built once from {@link ApiKeyProperties}.
 */
public final class ApiKeyRegistry {

    private final Map<String, Caller> callersByHash = new HashMap<>();
    private final Map<String, Caller> callersByName = new LinkedHashMap<>();

    public ApiKeyRegistry(ApiKeyProperties properties) {
        properties.apiKeys().forEach((name, key) -> {
            Caller caller = new Caller(name, key.organisation(), key.role());
            callersByHash.put(key.keySha256().toLowerCase(Locale.ROOT), caller);
            callersByName.put(name, caller);
        });
    }

    /**
     * The caller a presented key belongs to, or empty when no configured key matches. The
     * look-up is by the key's hash, so its timing tells an attacker nothing about the key.
     */
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(callersByHash.get(ApiKeyHashes.sha256Hex(presentedKey)));
    }

    /**
     * The caller of a configured key by its name, for channels where a trusted transport has
     * already authenticated the sender and the message names the identity it acts for (the
     * portal's Kafka topic).
     */
    public Optional<Caller> callerNamed(String name) {
        return Optional.ofNullable(name).map(callersByName::get);
    }

    /** Every configured caller by key name, for start-up checks against other configuration. */
    public Map<String, Caller> callers() {
        return Map.copyOf(callersByName);
    }
}
