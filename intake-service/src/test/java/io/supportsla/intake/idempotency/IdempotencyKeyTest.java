package io.supportsla.intake.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.intake.rules.Refusal;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void readsABareOrAQuotedHeader() {
        assertThat(IdempotencyKey.fromHeader("8e03978e-40d5-43e8-bc93-6894a57f9324")).map(IdempotencyKey::value)
                .contains("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKey.fromHeader("\"8e03978e\"")).map(IdempotencyKey::value).contains("8e03978e");
        assertThat(IdempotencyKey.fromHeader(null)).isEmpty();
    }

    @Test
    void refusesEmptyLongOrInvisibleKeysNamingTheHeader() {
        for (String bad : new String[] {"", "\"\"", "a b", "x".repeat(256), "caf\u00e9"}) {
            assertThatThrownBy(() -> IdempotencyKey.fromHeader(bad)).as(bad).isInstanceOfSatisfying(Refusal.class,
                    refusal -> assertThat(refusal.problems().get(0).field()).isEqualTo("Idempotency-Key"));
        }
    }
}
