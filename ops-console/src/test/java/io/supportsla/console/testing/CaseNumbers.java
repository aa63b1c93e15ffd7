package io.supportsla.console.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Case numbers no other test of this run uses (the topics are shared), in intake's format. */
public final class CaseNumbers {

    private static final int RUN = ThreadLocalRandom.current().nextInt(1000, 9999);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private CaseNumbers() {
    }

    public static String next() {
        return String.format("C-%04d-%04d", RUN, NEXT.incrementAndGet());
    }
}
