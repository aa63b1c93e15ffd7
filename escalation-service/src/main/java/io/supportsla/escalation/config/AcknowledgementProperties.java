package io.supportsla.escalation.config;

import io.supportsla.escalation.acknowledgement.AcknowledgementTokens;
import io.supportsla.escalation.rules.AcknowledgementTimeouts;
import io.supportsla.schemas.common.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code supportsla.escalation.acknowledgement}: how long recipients have to
 * acknowledge, and the signed links they acknowledge with. A wrong value stops start-up naming it.
 *
 * @param timeout the acknowledgement timeout of severities without their own (default 2 h)
 * @param timeoutBySeverity timeouts of particular severities (default SEV1: 15 min)
 * @param linkBaseUrl where recipients reach this service; the links are {@code <base>/api/v1/escalations/<id>/acknowledgement?token=...}
 * @param linkSecret the HMAC-SHA256 secret of the links, at least 32 bytes; set it from the environment
 *                   ({@code SUPPORTSLA_ESCALATION_ACKNOWLEDGEMENT_LINKSECRET}); no default outside the {@code local} profile
 * @param linkValidity how long a link stays valid after it is sent (default 1 day)
 */
@Validated
@ConfigurationProperties("supportsla.escalation.acknowledgement")
public record AcknowledgementProperties(
        @NotNull @DefaultValue("PT2H") Duration timeout,
        Map<Severity, Duration> timeoutBySeverity,
        @NotNull @DefaultValue("http://localhost:8083") URI linkBaseUrl,
        @NotBlank(message = "must be set (at least " + AcknowledgementTokens.MINIMUM_SECRET_BYTES
                + " bytes), e.g. from SUPPORTSLA_ESCALATION_ACKNOWLEDGEMENT_LINKSECRET")
        String linkSecret,
        @NotNull @DefaultValue("P1D") Duration linkValidity) {

    public AcknowledgementProperties {
        Map<Severity, Duration> bySeverity = new EnumMap<>(Severity.class);
        if (timeoutBySeverity == null) {
            bySeverity.putAll(AcknowledgementTimeouts.DEFAULTS.bySeverity());
        } else {
            bySeverity.putAll(timeoutBySeverity);
        }
        timeoutBySeverity = Map.copyOf(bySeverity);
        requirePositive(timeout, "supportsla.escalation.acknowledgement.timeout");
        timeoutBySeverity.forEach((severity, duration) ->
                requirePositive(duration, "supportsla.escalation.acknowledgement.timeout-by-severity." + severity));
        requirePositive(linkValidity, "supportsla.escalation.acknowledgement.link-validity");
        if (linkSecret != null && !linkSecret.isBlank()
                && linkSecret.getBytes(StandardCharsets.UTF_8).length < AcknowledgementTokens.MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("supportsla.escalation.acknowledgement.link-secret must be at least "
                    + AcknowledgementTokens.MINIMUM_SECRET_BYTES + " bytes long");
        }
    }

    public AcknowledgementTimeouts timeouts() {
        return new AcknowledgementTimeouts(timeout, timeoutBySeverity);
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException(key + " must be a positive duration; was " + duration);
        }
    }
}
