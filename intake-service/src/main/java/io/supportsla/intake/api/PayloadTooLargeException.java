package io.supportsla.intake.api;

import java.io.IOException;

/** The request body is larger than {@code intake.api.max-body-size}. */
public final class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
