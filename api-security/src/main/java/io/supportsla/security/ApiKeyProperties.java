package io.supportsla.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code supportsla.security}: the API keys, stored as SHA-256 hashes, each with its
 * organisation and role. Keys are a map by name so that profiles and environment variables add or
 * override single keys ({@code SUPPORTSLA_SECURITY_APIKEYS_ACME-HELPDESK_KEYSHA256}). A wrong
 * value stops start-up with a message naming the key.
 *
 * @param realm the realm announced in {@code WWW-Authenticate}
 * @param protectedPaths path patterns that require an API key in the default filter chain
 * @param apiKeys the keys by name; the name becomes the caller's principal
 */
@Validated
@ConfigurationProperties("supportsla.security")
public record ApiKeyProperties(
        @NotBlank @DefaultValue("support-sla") String realm,
        @NotEmpty @DefaultValue("/api/**") List<@NotBlank String> protectedPaths,
        @Valid @NotNull Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,99}",
                message = "must be a lower-case name of letters, digits, '.', '_' or '-'") String, @Valid ApiKey> apiKeys) {

    public ApiKeyProperties {
        apiKeys = apiKeys == null ? Map.of() : new LinkedHashMap<>(apiKeys);
        Map<String, String> nameByHash = new HashMap<>();
        apiKeys.forEach((name, key) -> {
            if (key != null && key.keySha256() != null) {
                String previous = nameByHash.putIfAbsent(key.keySha256().toLowerCase(Locale.ROOT), name);
                if (previous != null) {
                    throw new IllegalArgumentException("supportsla.security.api-keys." + previous + ".key-sha256 and supportsla.security.api-keys."
                            + name + ".key-sha256 are the same key: every API key must be unique");
                }
            }
        });
    }

    /**
     * One API key.
     *
     * @param keySha256 lower- or upper-case hex SHA-256 of the key ({@code printf %s "$KEY" | sha256sum})
     * @param organisation the organisation the key belongs to
     * @param role the role the key acts in
     */
    public record ApiKey(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the 64 hex digits of the key's SHA-256") String keySha256,
            @NotBlank String organisation,
            @NotNull Role role) {
    }
}
