package io.supportsla.intake.portal;

/** A record on the portal topic that is not JSON at all: it goes to the dead-letter topic as received. */
public final class UndecodableSubmissionException extends RuntimeException {

    public UndecodableSubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
