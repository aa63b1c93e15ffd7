package io.supportsla.escalation.acknowledgement;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks acknowledgement tokens: HMAC-SHA256 with a shared secret over the escalation
 * id, the recipient and the expiry. The format (version 1), every part base64url without padding
 * except the expiry in decimal epoch seconds:
 * <pre>
 * v1.&lt;b64url(escalationId)&gt;.&lt;b64url(recipient)&gt;.&lt;expiresAtEpochSeconds&gt;.&lt;b64url(hmac)&gt;
 * hmac = HMAC-SHA256(secret, "v1\n" + escalationId + "\n" + recipient + "\n" + expiresAtEpochSeconds)
 * </pre>
 * Signatures are compared in constant time. Thread-safe.
 */
public final class AcknowledgementTokens {

    /** The least secret length, in UTF-8 bytes: 256 bits, the size of the HMAC-SHA256 key block's hash. */
    public static final int MINIMUM_SECRET_BYTES = 32;

    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * @throws IllegalArgumentException when the secret is shorter than {@link #MINIMUM_SECRET_BYTES}
     */
    public AcknowledgementTokens(String secret) {
        byte[] bytes = Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("the acknowledgement link secret must be at least " + MINIMUM_SECRET_BYTES
                    + " bytes long; it has " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** The token text; the expiry is truncated to whole seconds. */
    public String sign(AcknowledgementToken token) {
        long expires = token.expiresAt().getEpochSecond();
        return VERSION
                + "." + encode(token.escalationId())
                + "." + encode(token.recipient())
                + "." + expires
                + "." + ENCODER.encodeToString(mac(token.escalationId(), token.recipient(), expires));
    }

    /** Whether {@code text} is a token we signed, and whether it is still valid at {@code now}. */
    public TokenCheck check(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return new TokenCheck.Invalid("no token");
        }
        String[] parts = text.strip().split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return new TokenCheck.Invalid("not a version 1 acknowledgement token");
        }
        String escalationId;
        String recipient;
        long expires;
        byte[] presented;
        try {
            escalationId = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
            recipient = new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
            expires = Long.parseLong(parts[3]);
            presented = DECODER.decode(parts[4]);
        } catch (IllegalArgumentException malformed) {
            return new TokenCheck.Invalid("malformed token");
        }
        if (!MessageDigest.isEqual(presented, mac(escalationId, recipient, expires))) {
            return new TokenCheck.Invalid("the signature does not match");
        }
        AcknowledgementToken token = new AcknowledgementToken(escalationId, recipient, Instant.ofEpochSecond(expires));
        return now.isBefore(token.expiresAt()) ? new TokenCheck.Valid(token) : new TokenCheck.Expired(token);
    }

    private byte[] mac(String escalationId, String recipient, long expires) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((VERSION + "\n" + escalationId + "\n" + recipient + "\n" + expires)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime provides HmacSHA256", e);
        }
    }

    private static String encode(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
