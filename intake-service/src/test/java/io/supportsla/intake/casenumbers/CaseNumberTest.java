package io.supportsla.intake.casenumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CaseNumberTest {

    @Test
    void isEightDigitsInTwoGroupsOfFour() {
        assertThat(CaseNumber.of(42)).hasToString("C-0000-0042");
        assertThat(CaseNumber.of(12_345_678)).hasToString("C-1234-5678");
        assertThat(CaseNumber.of(CaseNumber.MAX_SEQUENCE)).hasToString("C-9999-9999");
    }

    @Test
    void sortsAsTextInTheOrderOfItsSequence() {
        Random random = new Random(7);
        List<CaseNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            numbers.add(CaseNumber.of(1 + random.nextInt((int) CaseNumber.MAX_SEQUENCE)));
        }

        List<String> byText = numbers.stream().map(CaseNumber::toString).sorted().toList();
        List<String> bySequence = numbers.stream().sorted().map(CaseNumber::toString).toList();

        assertThat(byText).isEqualTo(bySequence);
    }

    @Test
    void readsBackWhatPeopleTypeOrSayAsTheSameNumber() {
        for (String spelling : List.of("C-0000-0042", "c-0000-0042", "C00000042", "C 0000 0042", " C-0000-0042 ")) {
            assertThat(CaseNumber.parse(spelling)).as(spelling).contains(CaseNumber.of(42));
        }
    }

    @Test
    void refusesWhatIsNotACaseNumber() {
        for (String text : List.of("", "42", "C-42", "C-0000-00421", "X-0000-0042", "C-0000-0000", "C-000a-0042")) {
            assertThat(CaseNumber.parse(text)).as(text).isEmpty();
        }
        assertThat(CaseNumber.parse(null)).isEmpty();
    }

    @Test
    void hasNoRoomBeyondEightDigits() {
        assertThatThrownBy(() -> CaseNumber.of(CaseNumber.MAX_SEQUENCE + 1)).hasMessageContaining("exhausted");
        assertThatThrownBy(() -> CaseNumber.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
