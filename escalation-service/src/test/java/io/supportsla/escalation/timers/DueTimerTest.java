package io.supportsla.escalation.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DueTimerTest {

    @Test
    void keysReadBackAsTheTimer() {
        DueTimer timer = new DueTimer(Instant.parse("2025-03-11T10:15:00Z"), "C-0000-0042", "C-0000-0042-E3");

        assertThat(timer.key()).isEqualTo("0000001741688100000|C-0000-0042|C-0000-0042-E3");
        assertThat(DueTimer.parse(timer.key())).isEqualTo(timer);
    }

    @Test
    void keysSortByDueTimeWhateverTheCase() {
        DueTimer first = new DueTimer(Instant.ofEpochMilli(9_999), "C-9999-9999", "C-9999-9999-E1");
        DueTimer second = new DueTimer(Instant.ofEpochMilli(10_000), "C-0000-0001", "C-0000-0001-E1");
        DueTimer third = new DueTimer(Instant.parse("2030-01-01T00:00:00Z"), "C-0000-0001", "C-0000-0001-E2");

        List<String> sorted = Stream.of(third, first, second).map(DueTimer::key).sorted().toList();

        assertThat(sorted).containsExactly(first.key(), second.key(), third.key());
    }

    @Test
    void theScanBoundSeparatesDueFromNotYetDue() {
        Instant now = Instant.parse("2025-03-11T10:15:00Z");
        String bound = DueTimer.upperBoundDueAt(now);

        assertThat(new DueTimer(now, "C-0000-0042", "C-0000-0042-E1").key()).isLessThan(bound);
        assertThat(new DueTimer(now.plusMillis(1), "C-0000-0042", "C-0000-0042-E1").key()).isGreaterThan(bound);
        assertThat(DueTimer.lowestKey()).isLessThan(new DueTimer(Instant.EPOCH, "A", "A-E1").key());
    }
}
