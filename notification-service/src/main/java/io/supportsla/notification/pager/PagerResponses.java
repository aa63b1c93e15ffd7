package io.supportsla.notification.pager;

import java.time.Duration;
import java.util.Optional;

import io.supportsla.notification.delivery.DeliveryException;

/**
 * Sorts the pager gateway's answers: 2xx accepted; 429, 408 and 5xx transient (Retry-After
 * honoured); any other status permanent, like PagerDuty's 400 for an invalid event.
 */
public final class PagerResponses {

    private PagerResponses() {
    }

    public static boolean accepted(int status) {
        return status >= 200 && status < 300;
    }

    /** The failure for a status that is not 2xx. */
    public static DeliveryException failure(int status, Optional<Duration> retryAfter, String body) {
        String message = "Pager gateway answered HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        if (status == 429 || status == 408 || status >= 500) {
            return DeliveryException.transientFailure(message, status, retryAfter.orElse(null), null);
        }
        return DeliveryException.permanentFailure(message, status, null);
    }

    private static String abbreviate(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500) + "…";
    }
}
