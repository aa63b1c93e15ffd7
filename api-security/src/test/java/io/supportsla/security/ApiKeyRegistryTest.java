package io.supportsla.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.security.ApiKeyProperties.ApiKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {

    private static final String ACME_KEY = "acme-secret-key";

    private final ApiKeyRegistry registry = new ApiKeyRegistry(properties(Map.of(
            "acme-helpdesk", new ApiKey(ApiKeyHashes.sha256Hex(ACME_KEY), "acme", Role.HELPDESK),
            "jane", new ApiKey(ApiKeyHashes.sha256Hex("jane-secret-key").toUpperCase(), "supportsla", Role.CONSULTANT))));

    @Test
    void hashesKeysAsSha256sumDoes() {
        // printf %s abc | sha256sum
        assertThat(ApiKeyHashes.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void authenticatesAConfiguredKeyAsItsNamedCaller() {
        assertThat(registry.authenticate(ACME_KEY)).contains(new Caller("acme-helpdesk", "acme", Role.HELPDESK));
    }

    @Test
    void acceptsUpperCaseHexInConfiguration() {
        assertThat(registry.authenticate("jane-secret-key")).map(Caller::role).contains(Role.CONSULTANT);
    }

    @Test
    void refusesUnknownEmptyAndMissingKeys() {
        assertThat(registry.authenticate("acme-secret-key ")).isEmpty();
        assertThat(registry.authenticate("")).isEmpty();
        assertThat(registry.authenticate(null)).isEmpty();
    }

    @Test
    void refusesTheHashItselfAsAKey() {
        assertThat(registry.authenticate(ApiKeyHashes.sha256Hex(ACME_KEY))).isEmpty();
    }

    @Test
    void resolvesACallerByKeyName() {
        assertThat(registry.callerNamed("acme-helpdesk")).map(Caller::organisation).contains("acme");
        assertThat(registry.callerNamed("nobody")).isEmpty();
        assertThat(registry.callerNamed(null)).isEmpty();
    }

    @Test
    void refusesTwoNamesForTheSameKey() {
        String hash = ApiKeyHashes.sha256Hex(ACME_KEY);
        assertThatThrownBy(() -> properties(Map.of(
                "a", new ApiKey(hash, "acme", Role.HELPDESK),
                "b", new ApiKey(hash.toUpperCase(), "acme", Role.END_USER))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("supportsla.security.api-keys.")
                .hasMessageContaining("are the same key");
    }

    private static ApiKeyProperties properties(Map<String, ApiKey> keys) {
        return new ApiKeyProperties("test", List.of("/api/**"), keys);
    }
}
