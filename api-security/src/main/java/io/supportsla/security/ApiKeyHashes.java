package io.supportsla.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How API keys are stored: the lower-case hex SHA-256 of the key's UTF-8 bytes. API keys are
 * long random secrets, not passwords, so a fast unsalted hash is enough to keep a leaked
 * configuration from revealing them (nothing to brute-force); the same value is what
 * {@code printf %s "$KEY" | sha256sum} prints.
 */
public final class ApiKeyHashes {

    private ApiKeyHashes() {
    }

    public static String sha256Hex(String apiKey) {
        return HexFormat.of().formatHex(sha256(apiKey));
    }

    static byte[] sha256(String apiKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
