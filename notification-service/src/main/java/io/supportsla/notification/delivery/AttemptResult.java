package io.supportsla.notification.delivery;

import io.supportsla.schemas.notification.FailureKind;

/** How the attempts at one notification ended. */
public sealed interface AttemptResult {

    /** Attempts made, 1 when the first succeeded. */
    int attempts();

    /** The server accepted it. */
    record Delivered(Receipt receipt, int attempts) implements AttemptResult {
    }

    /** Given up: refused outright ({@code PERMANENT}) or still failing when the retry budget ran out. */
    record GaveUp(FailureKind kind, DeliveryException lastFailure, int attempts, String error) implements AttemptResult {
    }
}
