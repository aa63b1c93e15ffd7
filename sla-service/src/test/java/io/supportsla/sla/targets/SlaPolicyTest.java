package io.supportsla.sla.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    @Test
    void defaultsAreTheProcessGuidesTargets() {
        SlaPolicy policy = SlaPolicy.defaults();
        assertThat(policy.responseTarget(Severity.END_USER_ISSUE)).isEqualTo(Duration.ofHours(2));
        assertThat(policy.responseTarget(Severity.SEV1)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.responseTarget(Severity.SEV2)).isEqualTo(Duration.ofHours(8));
        assertThat(policy.responseTarget(Severity.SEV3)).isEqualTo(Duration.ofHours(12));
        assertThat(policy.sev1HotlineCallTarget()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.sev1HotlineCallWeekendOrHolidayTarget()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.warningPercentages()).containsExactly(50, 75, 90);
    }

    @Test
    void warningPercentagesAreSortedAndMustBeDistinctAndBetweenOneAndNinetyNine() {
        assertThat(withWarnings(List.of(90, 50)).warningPercentages()).containsExactly(50, 90);
        assertThatIllegalArgumentException().isThrownBy(() -> withWarnings(List.of(50, 50))).withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> withWarnings(List.of(100))).withMessageContaining("100");
    }

    @Test
    void targetsMustBePositive() {
        SlaPolicy d = SlaPolicy.defaults();
        assertThatIllegalArgumentException().isThrownBy(() -> new SlaPolicy(Duration.ZERO, d.sev2Target(), d.sev3Target(),
                d.sev1CaseOnlyTarget(), d.sev1HotlineCallTarget(), d.sev1HotlineCallWeekendOrHolidayTarget(),
                d.warningPercentages(), d.defaultStatusUpdateInterval(), d.statusUpdateReminderLead(),
                d.resolvedCaseRetention())).withMessageContaining("endUserIssueTarget");
    }

    private static SlaPolicy withWarnings(List<Integer> percentages) {
        SlaPolicy d = SlaPolicy.defaults();
        return new SlaPolicy(d.endUserIssueTarget(), d.sev2Target(), d.sev3Target(), d.sev1CaseOnlyTarget(),
                d.sev1HotlineCallTarget(), d.sev1HotlineCallWeekendOrHolidayTarget(), percentages,
                d.defaultStatusUpdateInterval(), d.statusUpdateReminderLead(), d.resolvedCaseRetention());
    }
}
