package io.supportsla.console.view;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the view keeps and lists what is finished, and how many notifications it lists.
 *
 * @param resolvedCasesShownFor how long a resolved case stays listed below the queue
 * @param resolvedCaseRetention how long a resolved case is kept at all; after that it is forgotten,
 *     and events arriving for it later are ignored
 * @param settledEscalationsShownFor how long an acknowledged escalation stays listed
 * @param latestNotifications how many notifications {@link ConsoleView#latestNotifications} returns
 */
public record ViewSettings(Duration resolvedCasesShownFor, Duration resolvedCaseRetention, Duration settledEscalationsShownFor,
        int latestNotifications) {

    public static final ViewSettings DEFAULTS = new ViewSettings(Duration.ofHours(1), Duration.ofDays(7), Duration.ofHours(1), 25);

    public ViewSettings {
        Objects.requireNonNull(resolvedCasesShownFor, "resolvedCasesShownFor");
        Objects.requireNonNull(resolvedCaseRetention, "resolvedCaseRetention");
        Objects.requireNonNull(settledEscalationsShownFor, "settledEscalationsShownFor");
        if (latestNotifications < 1) {
            throw new IllegalArgumentException("latestNotifications must be at least 1");
        }
    }
}
