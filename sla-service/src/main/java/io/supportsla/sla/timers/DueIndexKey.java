package io.supportsla.sla.timers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;

/**
 * A key of the due-time index: the due instant as 8 big-endian bytes of epoch milliseconds, then
 * the case number in UTF-8. RocksDB orders keys by unsigned bytes, so the index iterates in due
 * order and "everything due by now" is one range scan from the smallest key to {@link #upperBound}.
 */
public record DueIndexKey(Instant dueAt, String caseNumber) {

    private static final int MILLIS_BYTES = Long.BYTES;

    public DueIndexKey {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(caseNumber, "caseNumber");
        if (caseNumber.isEmpty()) {
            throw new IllegalArgumentException("case number is empty");
        }
    }

    public Bytes toBytes() {
        byte[] caseBytes = caseNumber.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(MILLIS_BYTES + caseBytes.length)
                .putLong(Math.max(0L, dueAt.toEpochMilli()))
                .put(caseBytes)
                .array());
    }

    public static DueIndexKey fromBytes(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        long millis = buffer.getLong();
        byte[] caseBytes = new byte[buffer.remaining()];
        buffer.get(caseBytes);
        return new DueIndexKey(Instant.ofEpochMilli(millis), new String(caseBytes, StandardCharsets.UTF_8));
    }

    /** The smallest possible key. */
    public static Bytes lowerBound() {
        return Bytes.wrap(new byte[MILLIS_BYTES]);
    }

    /**
     * An inclusive upper bound covering every key due at or before {@code now}: the bare 8-byte
     * prefix of the next millisecond sorts after all of them and before any key due later (every
     * real key has a non-empty case number after its prefix).
     */
    public static Bytes upperBound(Instant now) {
        return Bytes.wrap(ByteBuffer.allocate(MILLIS_BYTES).putLong(Math.max(0L, now.toEpochMilli()) + 1).array());
    }
}
