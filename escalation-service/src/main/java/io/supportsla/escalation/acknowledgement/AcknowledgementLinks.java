package io.supportsla.escalation.acknowledgement;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds the signed, expiring link that an escalation's emails and pages carry:
 * {@code <base-url>/api/v1/escalations/<id>/acknowledgement?token=<token>}. Opening it shows a
 * confirmation page; posting to it acknowledges.
 */
public final class AcknowledgementLinks {

    private final String baseUrl;
    private final AcknowledgementTokens tokens;
    private final Duration validity;

    /**
     * @param baseUrl where recipients reach this service, e.g. {@code https://escalations.example.org}
     * @param validity how long a link stays valid after it is issued
     */
    public AcknowledgementLinks(URI baseUrl, AcknowledgementTokens tokens, Duration validity) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.validity = Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("the acknowledgement link validity must be positive; was " + validity);
        }
    }

    /** The link for {@code recipient} to acknowledge {@code escalationId}, valid for the configured time from {@code issuedAt}. */
    public String linkFor(String escalationId, String recipient, Instant issuedAt) {
        String token = tokens.sign(new AcknowledgementToken(escalationId, recipient, issuedAt.plus(validity)));
        return baseUrl + "/api/v1/escalations/" + URLEncoder.encode(escalationId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/acknowledgement?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
