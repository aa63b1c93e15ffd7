package io.supportsla.console.web;

import io.supportsla.console.view.Countdown;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Formatting for the templates' text ({@code th:text="${@formats.time(...)}"}; Thymeleaf allows bean
 * references only there, not in attributes). Times are shown in UTC, the
 * platform's one clock for a follow-the-sun team; countdowns the way {@code console.js} writes them
 * as they tick, so the first render and the ticking agree.
 */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    public String shortTime(Instant instant) {
        return instant == null ? "–" : SHORT.format(instant);
    }

    /** "1h 02m 03s left" or "2m 10s overdue". */
    public String countdown(Instant deadline, Instant now) {
        if (deadline == null) {
            return "–";
        }
        Duration remaining = Duration.between(now, deadline);
        boolean overdue = remaining.isNegative() || remaining.isZero();
        long seconds = Math.abs(remaining.toSeconds());
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long secs = seconds % 60;
        String text = hours > 0 ? String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes, secs)
                : String.format(Locale.ROOT, "%dm %02ds", minutes, secs);
        return text + (overdue ? " overdue" : " left");
    }

    public String countdown(Countdown countdown, Instant now) {
        return countdown == null ? "–" : countdown(countdown.deadline(), now);
    }

    /** An enum constant in words: {@code RESPONSE_BREACH} → {@code response breach}. */
    public String words(Object value) {
        return value == null ? "" : value.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
