package io.supportsla.intake.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.ObjectMapper;

/**
 * What a request asks for, as a SHA-256 of the bound request record's JSON: the same request
 * gives the same fingerprint however its JSON was spaced or ordered and whether defaults were
 * spelled out, so a retry matches and a different request under the same key does not.
 */
public final class RequestFingerprint {

    private final ObjectMapper json;

    public RequestFingerprint(ObjectMapper json) {
        this.json = json;
    }

    public String of(Record request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
