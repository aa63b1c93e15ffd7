package io.supportsla.registry.schemas;

import io.supportsla.registry.RegistryError;
import io.supportsla.registry.RegistryException;

/** A version as named in a URL: a number from 1, or {@code latest} (also spelled {@code -1}). */
public record VersionId(int number) {

    public static final VersionId LATEST = new VersionId(-1);

    public VersionId {
        if (number < 1 && number != -1) {
            throw invalid(String.valueOf(number));
        }
    }

    public static VersionId parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equalsIgnoreCase("latest")) {
            return LATEST;
        }
        try {
            return new VersionId(Integer.parseInt(trimmed));
        } catch (NumberFormatException e) {
            throw invalid(trimmed);
        }
    }

    public boolean isLatest() {
        return number == -1;
    }

    private static RegistryException invalid(String text) {
        return new RegistryException(RegistryError.INVALID_VERSION, "The specified version '" + text
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }
}
