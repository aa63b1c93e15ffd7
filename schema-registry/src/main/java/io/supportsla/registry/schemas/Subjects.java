package io.supportsla.registry.schemas;

import io.supportsla.registry.RegistryError;
import io.supportsla.registry.RegistryException;

/**
 * What a subject name may be when a schema or a level is written under it: Confluent refuses
 * control characters (42208, "Invalid subject"); this registry also refuses unpaired surrogates and
 * bidirectional overrides and isolates, which make a name display as another one. Reads of any name
 * simply find nothing.
 */
final class Subjects {

    private Subjects() {
    }

    static void requireValid(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw invalid("a subject name is required");
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < subject.length()
                    && Character.isLowSurrogate(subject.charAt(i + 1));
            if (pairedSurrogate) {
                i++;
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)) {
                throw invalid(String.format("U+%04X at %d is not allowed in a subject name", (int) c, i));
            }
        }
    }

    private static RegistryException invalid(String reason) {
        return new RegistryException(RegistryError.INVALID_SUBJECT, "Invalid subject: " + reason);
    }
}
