package io.supportsla.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Countdowns read as console.js writes them while they tick. */
class FormatsTest {

    final Formats formats = new Formats();
    final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void countsDownInHoursMinutesAndSeconds() {
        assertThat(formats.countdown(now.plus(Duration.ofSeconds(3723)), now)).isEqualTo("1h 02m 03s left");
        assertThat(formats.countdown(now.plus(Duration.ofSeconds(59)), now)).isEqualTo("0m 59s left");
    }

    @Test
    void aPassedDeadlineIsOverdue() {
        assertThat(formats.countdown(now.minus(Duration.ofSeconds(130)), now)).isEqualTo("2m 10s overdue");
        assertThat(formats.countdown(now, now)).isEqualTo("0m 00s overdue");
    }

    @Test
    void timesAreInUtc() {
        assertThat(formats.time(now)).isEqualTo("2026-11-23 10:00:00 UTC");
        assertThat(formats.words(io.supportsla.schemas.escalation.EscalationReason.RESPONSE_BREACH)).isEqualTo("response breach");
    }
}
