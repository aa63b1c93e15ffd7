package io.supportsla.intake.casenumbers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case number: {@code C-0000-0042}. Eight digits in two groups of four read well on a phone
 * call ("C, zero zero zero zero, zero zero four two"); the fixed width makes text order equal
 * number order, and numbers are handed out in order of receipt (see {@link CaseNumberClaims}),
 * so sorting case numbers as text sorts cases by receipt. Room for 99,999,999 cases.
 *
 * @param sequence the position in the order of receipt, from 1
 */
public record CaseNumber(long sequence) implements Comparable<CaseNumber> {

    public static final long MAX_SEQUENCE = 99_999_999L;

    // Accepts what people type or read back: any case, with or without the dashes or with spaces.
    private static final Pattern TEXT = Pattern.compile("C[- ]?(\\d{4})[- ]?(\\d{4})");

    public CaseNumber {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("A case number's sequence is 1 to " + MAX_SEQUENCE + "; was " + sequence
                    + (sequence > MAX_SEQUENCE ? ": the eight-digit format is exhausted, widen CaseNumber" : ""));
        }
    }

    public static CaseNumber of(long sequence) {
        return new CaseNumber(sequence);
    }

    /** Parses {@code C-0000-0042} (also {@code c00000042}, {@code C 0000 0042}); empty when it is not a case number. */
    public static Optional<CaseNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = TEXT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long sequence = Long.parseLong(matcher.group(1) + matcher.group(2));
        return sequence == 0 ? Optional.empty() : Optional.of(new CaseNumber(sequence));
    }

    @Override
    public int compareTo(CaseNumber other) {
        return Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "C-%04d-%04d", sequence / 10_000, sequence % 10_000);
    }
}
