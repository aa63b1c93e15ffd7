package io.supportsla.intake.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.intake.IntakeProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyRateLimitsTest {

    @Test
    void aKeyIsAllowedItsRequestsPerPeriodThenToldHowLongToWait() {
        ApiKeyRateLimits limits = new ApiKeyRateLimits(new IntakeProperties.RateLimit(true, 2, Duration.ofHours(1), Map.of()));

        assertThat(limits.acquire("acme-helpdesk")).isEmpty();
        assertThat(limits.acquire("acme-helpdesk")).isEmpty();

        assertThat(limits.acquire("acme-helpdesk")).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofMinutes(59)).isLessThanOrEqualTo(Duration.ofHours(1)));
    }

    @Test
    void eachKeyCountsOnItsOwn() {
        ApiKeyRateLimits limits = new ApiKeyRateLimits(new IntakeProperties.RateLimit(true, 1, Duration.ofHours(1), Map.of()));

        assertThat(limits.acquire("acme-helpdesk")).isEmpty();

        assertThat(limits.acquire("initech-helpdesk")).isEmpty();
        assertThat(limits.acquire("acme-helpdesk")).isPresent();
    }

    @Test
    void aKeyWithALimitOfItsOwnUsesIt() {
        ApiKeyRateLimits limits = new ApiKeyRateLimits(new IntakeProperties.RateLimit(true, 1, Duration.ofHours(1),
                Map.of("portal", new IntakeProperties.KeyLimit(3, Duration.ofHours(1)))));

        assertThat(limits.acquire("portal")).isEmpty();
        assertThat(limits.acquire("portal")).isEmpty();
        assertThat(limits.acquire("portal")).isEmpty();

        assertThat(limits.acquire("portal")).isPresent();
    }

    @Test
    void aDisabledLimitAllowsEverything() {
        ApiKeyRateLimits limits = new ApiKeyRateLimits(new IntakeProperties.RateLimit(false, 1, Duration.ofHours(1), Map.of()));

        for (int i = 0; i < 10; i++) {
            assertThat(limits.acquire("acme-helpdesk")).isEmpty();
        }
    }
}
