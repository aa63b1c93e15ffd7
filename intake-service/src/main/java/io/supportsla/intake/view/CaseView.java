package io.supportsla.intake.view;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.intake.cases.CaseProjection;
import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.cases.SupportCase;
import io.supportsla.intake.kafka.TopicFollower;
import io.supportsla.schemas.cases.CaseEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;

/**
 * Every case as known from {@code support.case-events}, held in memory by each instance and
 * rebuilt from the topic at start-up: any instance answers {@code GET /cases/{n}}, and the view
 * survives restarts because the topic does. Before deciding on a command or answering "no such
 * case", intake waits until the view has read everything published before the request
 * ({@link #awaitCurrent()}), so a case created or changed on another instance a moment ago is seen.
 */
public final class CaseView implements SmartLifecycle {

    private final Map<CaseNumber, SupportCase> cases = new ConcurrentHashMap<>();
    private final AtomicLong highestSequence = new AtomicLong();
    private final TopicFollower<String, Object> follower;
    private final Duration consistencyTimeout;
    private final Duration retryAfter;

    /**
     * @param followerFactory builds the follower of support.case-events, given the callback for its records
     * @param consistencyTimeout how long {@link #awaitCurrent()} may wait
     * @param retryAfter what to suggest to callers when it could not catch up in time
     */
    public CaseView(Function<Consumer<ConsumerRecord<String, Object>>, TopicFollower<String, Object>> followerFactory,
                    Duration consistencyTimeout, Duration retryAfter) {
        this.follower = followerFactory.apply(this::apply);
        this.consistencyTimeout = consistencyTimeout;
        this.retryAfter = retryAfter;
    }

    void apply(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof CaseEvent event)) {
            return;
        }
        CaseNumber.parse(event.getCaseNumber()).ifPresent(number -> {
            cases.compute(number, (ignored, current) -> CaseProjection.apply(current, event).orElse(current));
            if (cases.containsKey(number)) {
                highestSequence.accumulateAndGet(number.sequence(), Math::max);
            }
        });
    }

    /** The case as this instance knows it now (possibly a moment behind other instances). */
    public Optional<SupportCase> find(CaseNumber number) {
        return Optional.ofNullable(cases.get(number));
    }

    public boolean contains(CaseNumber number) {
        return cases.containsKey(number);
    }

    /**
     * Waits until the view holds every event published before this call.
     *
     * @throws IntakeUnavailableException when that takes longer than the consistency timeout (the broker is away)
     */
    public void awaitCurrent() {
        if (!follower.awaitCaughtUp(consistencyTimeout)) {
            throw new IntakeUnavailableException("The case view could not catch up with " + follower.topic() + " within "
                    + consistencyTimeout.toMillis() + " ms: the Kafka broker is not answering", retryAfter, null);
        }
    }

    /** The case including everything published before this call. */
    public Optional<SupportCase> findCurrent(CaseNumber number) {
        awaitCurrent();
        return find(number);
    }

    /** The highest case number seen on the topic, to guard against handing out a number twice. */
    public Optional<CaseNumber> highestNumber() {
        long highest = highestSequence.get();
        return highest == 0 ? Optional.empty() : Optional.of(CaseNumber.of(highest));
    }

    /** The cases matching the filter, in queue order (SPEC 3.2). */
    public List<SupportCase> cases(Predicate<SupportCase> filter) {
        return cases.values().stream().filter(filter).sorted(SupportCase.QUEUE_ORDER).toList();
    }

    public int size() {
        return cases.size();
    }

    public TopicFollower<String, Object> follower() {
        return follower;
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }

    @Override
    public int getPhase() {
        return follower.getPhase();
    }
}
