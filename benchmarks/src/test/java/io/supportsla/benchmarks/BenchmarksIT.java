package io.supportsla.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.supportsla.benchmarks.endtoend.EndToEndResult;
import io.supportsla.benchmarks.intake.IntakeResult;
import io.supportsla.benchmarks.timers.SlaTimerResult;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmarks at the size {@code benchmark.size} names (smoke in the normal build) and
 * asserts what must hold at any size: no case lost or doubled, every due timer fired exactly once.
 * Timings are printed and written as JSON, never asserted: they depend on the machine and on what
 * else it is doing.
 */
class BenchmarksIT {

    private final BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();

    @Test
    void everyCaseIntakeAcknowledgedIsOnTheTopicExactlyOnce() throws InterruptedException {
        IntakeResult result = Benchmarks.intake(settings, System.out);

        assertThat(result.created()).as("cases created (201)").isPositive();
        assertThat(result.failed()).as("requests not answered 201; e.g. %s", result.sampleFailure()).isZero();
        assertThat(result.audit().lost()).as("201s without a CaseCreated: %s", result.audit().examples()).isZero();
        assertThat(result.audit().doubled()).as("case numbers with two CaseCreated: %s", result.audit().examples()).isZero();
        assertThat(result.audit().announcedTwice()).as("case numbers two 201s named").isZero();
        assertThat(result.audit().unannounced()).as("CaseCreated no 201 named: %s", result.audit().examples()).isZero();
        assertThat(result.audit().caseCreatedOnTopic()).as("CaseCreated on the topic").isEqualTo(result.created());
        assertThat(result.baselinePipelined().records()).isEqualTo(settings.intake().baselineAsyncRecords());
    }

    @Test
    void everyDueTimerFiresExactlyOnceAndNoPendingOneFires() throws InterruptedException {
        SlaTimerResult result = Benchmarks.timers(settings, System.out);

        assertThat(result.load().pendingReported()).as("sla_timers_pending after loading")
                .isEqualTo(settings.timers().pending());
        SlaTimerResult.ExactlyOnce exactlyOnce = result.exactlyOnce();
        assertThat(exactlyOnce.dueTimers()).isPositive();
        assertThat(exactlyOnce.missing()).as("due timers that never fired").isZero();
        assertThat(exactlyOnce.doubled()).as("due timers that fired twice").isZero();
        assertThat(exactlyOnce.firedOnce()).isEqualTo(exactlyOnce.dueTimers());
        assertThat(exactlyOnce.pendingFired()).as("timers not due that fired").isZero();
        assertThat(exactlyOnce.unknownFired()).as("breaches of cases never opened").isZero();
        assertThat(exactlyOnce.deadLetters()).as("dead-lettered case events").isZero();
        assertThat(result.restarts()).hasSize(settings.timers().restartModes().size())
                .allSatisfy(restart -> assertThat(restart.pendingAfterRestart()).as("pending timers after the %s restart",
                        restart.mode()).isEqualTo(settings.timers().pending()));
    }

    @Test
    void everyBreachedCaseIsPagedOnceWithAllFourServicesRunning() throws InterruptedException {
        assumeTrue(settings.endToEnd().enabled(), "end to end runs in the full size, or with -Dbenchmark.e2e.enabled=true");
        EndToEndResult result = Benchmarks.endToEnd(settings, System.out);

        assertThat(result.cases()).as("cases opened; e.g. %s", result.sampleFailure()).isEqualTo(result.requests());
        assertThat(result.missingBreach()).as("cases without SlaBreached").isZero();
        assertThat(result.breachedTwice()).as("cases breached twice").isZero();
        assertThat(result.unpaged()).as("cases without a response-breach page").isZero();
        assertThat(result.duplicatePages()).as("(case, recipient) paged twice").isZero();
    }
}
