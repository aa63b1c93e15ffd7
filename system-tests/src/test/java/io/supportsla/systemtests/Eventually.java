package io.supportsla.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.awaitility.core.ConditionFactory;

/**
 * Bounded waits for things that happen across four processes on a loaded two-core machine, and
 * the "exactly once" check: the thing arrives, and there is still exactly one of it a while later
 * ({@link ExactlyOnce}). Awaitility only: nothing here sleeps.
 */
final class Eventually {

    /** For a step that takes the platform a few hops (HTTP, Kafka, a service or two). */
    static final Duration SOON = Duration.ofSeconds(60);
    /** For a deadline of {@link Platform#SEV1_RESPONSE_TARGET} plus the hops after it. */
    static final Duration AFTER_SEV1_TARGET = Platform.SEV1_RESPONSE_TARGET.plus(Duration.ofSeconds(120));
    /** How long a count must stay put to be "exactly once": a duplicate comes within seconds. */
    static final Duration HOLD = Duration.ofSeconds(8);

    private Eventually() {
    }

    static ConditionFactory within(Duration timeout, String what) {
        return await(what).atMost(timeout).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
    }

    /**
     * Collects "exactly once" expectations of one scenario: {@link #awaitOne} waits until the thing
     * has arrived and returns it; {@link #verify} then checks, over one {@link #HOLD} for all of
     * them together, that each is there exactly once and stays so.
     */
    static final class ExactlyOnce {

        private final Map<String, Supplier<? extends List<?>>> expectations = new LinkedHashMap<>();

        /** Waits until there is one of {@code what} and returns it; {@link #verify} checks it is the only one. */
        <T> T awaitOne(String what, Duration within, Supplier<List<T>> found) {
            expectations.put(what, found);
            return first(what, within, found);
        }

        /** Each expectation so far has exactly one match, and still has after {@link #HOLD}. */
        void verify() {
            await("each exactly once").during(HOLD).atMost(HOLD.plus(Duration.ofSeconds(30)))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> expectations.forEach((what, found) ->
                            assertThat(found.get()).as(what + ", exactly once").hasSize(1)));
        }
    }

    /** Waits until there is at least one of {@code what} and returns the first. */
    static <T> T first(String what, Duration within, Supplier<List<T>> found) {
        within(within, what).until(() -> !found.get().isEmpty());
        return found.get().get(0);
    }

    /** Waits, without sleeping, until the wall clock has passed {@code moment}. */
    static void until(Instant moment, String why) {
        Duration left = Duration.between(Instant.now(), moment);
        await(why).atMost(left.isNegative() ? Duration.ofSeconds(1) : left.plusSeconds(5))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Instant.now().isAfter(moment));
    }
}
