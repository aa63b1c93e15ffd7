package io.supportsla.sla.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class DueIndexKeyTest {

    @Test
    void bytesSortInDueOrderThenByCaseNumber() {
        List<DueIndexKey> keys = List.of(
                new DueIndexKey(Instant.parse("2025-03-11T10:00:00Z"), "B"),
                new DueIndexKey(Instant.parse("2025-03-11T10:00:00Z"), "A"),
                new DueIndexKey(Instant.parse("2024-12-31T23:59:59.999Z"), "Z"),
                new DueIndexKey(Instant.parse("2038-01-19T03:14:08Z"), "A"),
                new DueIndexKey(Instant.parse("2025-03-11T10:00:00.001Z"), "0"));

        List<Bytes> sorted = new ArrayList<>(keys.stream().map(DueIndexKey::toBytes).toList());
        sorted.sort(null);

        assertThat(sorted.stream().map(DueIndexKey::fromBytes).map(k -> k.dueAt() + " " + k.caseNumber())).containsExactly(
                "2024-12-31T23:59:59.999Z Z",
                "2025-03-11T10:00:00Z A",
                "2025-03-11T10:00:00Z B",
                "2025-03-11T10:00:00.001Z 0",
                "2038-01-19T03:14:08Z A");
    }

    @Test
    void upperBoundCoversEverythingDueAtOrBeforeNowAndNothingLater() {
        Instant now = Instant.parse("2025-03-11T10:00:00Z");
        Bytes bound = DueIndexKey.upperBound(now);

        assertThat(new DueIndexKey(now, "ZZZZZZZZ").toBytes().compareTo(bound)).isNegative();
        assertThat(new DueIndexKey(now.plusMillis(1), "0").toBytes().compareTo(bound)).isPositive();
        assertThat(DueIndexKey.lowerBound().compareTo(new DueIndexKey(Instant.EPOCH, "0").toBytes())).isNegative();
    }

    @Test
    void roundTripsUnicodeCaseNumbers() {
        DueIndexKey key = new DueIndexKey(Instant.parse("2025-03-11T10:00:00.123Z"), "CASE-ü-1");
        assertThat(DueIndexKey.fromBytes(key.toBytes())).isEqualTo(key);
    }
}
