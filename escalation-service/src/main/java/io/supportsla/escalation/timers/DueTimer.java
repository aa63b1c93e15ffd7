package io.supportsla.escalation.timers;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the due-time index: an escalation's acknowledgement deadline. Its key starts with
 * the deadline in epoch milliseconds, zero-padded to a fixed width, so the index store sorts by
 * due time and a range scan from the start up to "now" reads exactly the due entries:
 * {@code 0000001767225600000|C-0000-0042|C-0000-0042-E1}.
 */
public record DueTimer(Instant due, String caseNumber, String escalationId) {

    private static final char SEPARATOR = '|';

    public DueTimer {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(escalationId, "escalationId");
        if (due.toEpochMilli() < 0) {
            throw new IllegalArgumentException("a timer cannot be due before 1970: " + due);
        }
    }

    public String key() {
        return epochMillis(due.toEpochMilli()) + SEPARATOR + caseNumber + SEPARATOR + escalationId;
    }

    /** Reads a key written by {@link #key()}. */
    public static DueTimer parse(String key) {
        int first = key.indexOf(SEPARATOR);
        int last = key.lastIndexOf(SEPARATOR);
        if (first <= 0 || last <= first) {
            throw new IllegalArgumentException("not a due-timer key: " + key);
        }
        return new DueTimer(Instant.ofEpochMilli(Long.parseLong(key.substring(0, first))),
                key.substring(first + 1, last), key.substring(last + 1));
    }

    /** The lowest possible key. */
    static String lowestKey() {
        return epochMillis(0);
    }

    /**
     * An upper bound for a range scan of the timers due at {@code now}: every key of a timer due at
     * or before {@code now} sorts below it, every later one above.
     */
    static String upperBoundDueAt(Instant now) {
        return epochMillis(now.toEpochMilli() + 1);
    }

    private static String epochMillis(long millis) {
        return String.format(Locale.ROOT, "%019d", millis);
    }
}
