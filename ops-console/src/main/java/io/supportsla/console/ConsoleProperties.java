package io.supportsla.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The console's own settings under {@code console.*}; a wrong value stops start-up with a message
 * naming the key. Kafka client settings are Spring Boot's {@code spring.kafka.*}, the registry URL
 * is {@code spring.kafka.properties.schema.registry.url}, the port {@code server.port}.
 */
@Validated
@ConfigurationProperties("console")
public record ConsoleProperties(
        @Valid @NotNull @DefaultValue EscalationService escalationService,
        @Valid @NotNull @DefaultValue View view,
        @Valid @NotNull @DefaultValue Live live,
        @Valid @NotNull @DefaultValue Kafka kafka) {

    public ConsoleProperties {
        if (view != null && view.resolvedCasesShownFor().compareTo(view.resolvedCaseRetention()) > 0) {
            throw new IllegalArgumentException("console.view.resolved-cases-shown-for (" + view.resolvedCasesShownFor()
                    + ") must not be longer than console.view.resolved-case-retention (" + view.resolvedCaseRetention()
                    + "): a case is forgotten after the retention");
        }
    }

    /**
     * Where escalation-service answers {@code POST /api/v1/escalations/{id}/acknowledgement}.
     *
     * @param baseUrl its base URL, http or https, e.g. {@code http://localhost:8083}
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long its answer may take
     */
    public record EscalationService(
            @NotNull @DefaultValue("http://localhost:8083") URI baseUrl,
            @NotNull @DurationMin(millis = 100) @DefaultValue("2s") Duration connectTimeout,
            @NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration readTimeout) {

        public EscalationService {
            if (baseUrl != null) {
                String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
                    throw new IllegalArgumentException("console.escalation-service.base-url must be an http or https URL"
                            + " with a host, e.g. http://localhost:8083 (was '" + baseUrl + "')");
                }
            }
        }
    }

    /**
     * @param resolvedCasesShownFor how long a resolved case stays listed below the queue
     * @param resolvedCaseRetention how long a resolved case (and its timeline) is kept in memory at all
     * @param settledEscalationsShownFor how long an acknowledged escalation stays listed below the open ones
     * @param latestNotifications how many notifications the dashboard lists
     */
    public record View(
            @NotNull @DurationMin(seconds = 0) @DefaultValue("1h") Duration resolvedCasesShownFor,
            @NotNull @DurationMin(minutes = 1) @DefaultValue("7d") Duration resolvedCaseRetention,
            @NotNull @DurationMin(seconds = 0) @DefaultValue("1h") Duration settledEscalationsShownFor,
            @Min(1) @Max(1000) @DefaultValue("25") int latestNotifications) {
    }

    /**
     * Server-sent events to open pages.
     *
     * @param coalesce changes within this interval go out as one event
     * @param heartbeat a comment is sent this often, so proxies keep idle streams open
     * @param streamTimeout a stream is closed after this long (the browser reconnects at once)
     * @param maxSubscribers open streams allowed at once; more get 503
     */
    public record Live(
            @NotNull @DurationMin(millis = 10) @DurationMax(seconds = 10) @DefaultValue("250ms") Duration coalesce,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("15s") Duration heartbeat,
            @NotNull @DurationMin(seconds = 10) @DefaultValue("30m") Duration streamTimeout,
            @Min(1) @Max(100_000) @DefaultValue("1000") int maxSubscribers) {
    }

    /**
     * @param clientId client id of the console's consumer (each instance reads every topic; no group)
     * @param partitionRefresh how often topics that did not exist, and new partitions, are looked for
     */
    public record Kafka(
            @NotBlank @DefaultValue("ops-console") String clientId,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("10s") Duration partitionRefresh) {
    }
}
