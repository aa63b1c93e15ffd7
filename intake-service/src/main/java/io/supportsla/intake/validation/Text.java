package io.supportsla.intake.validation;

/**
 * What text the API accepts: well-formed Unicode (no unpaired surrogates, which no encoding can
 * carry), no control characters other than tab and line breaks, and no bidirectional embedding,
 * override or isolate controls (they make a title or a name display as something it is not). Any
 * language, emoji and the left-to-right and right-to-left marks are fine.
 */
public final class Text {

    private Text() {
    }

    /** The first character the API refuses in this text, described for a problem detail, or null if there is none. */
    public static String forbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "an unpaired surrogate (" + codePoint(c) + " at " + i + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "an unpaired surrogate (" + codePoint(c) + " at " + i + ")";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "a control character (" + codePoint(c) + " at " + i + ")";
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return "a bidirectional override or isolate (" + codePoint(c) + " at " + i + ")";
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
