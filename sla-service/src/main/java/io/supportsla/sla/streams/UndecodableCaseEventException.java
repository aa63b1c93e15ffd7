package io.supportsla.sla.streams;

/**
 * A case event record that will never be readable (not Avro in the wire format, unknown schema id,
 * not a {@code CaseEvent}, key and case number disagree): it goes to the dead-letter topic. Failures
 * that may pass (registry unreachable, untrusted Avro classes) are not wrapped in this exception.
 */
public class UndecodableCaseEventException extends RuntimeException {

    public UndecodableCaseEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public UndecodableCaseEventException(String message) {
        super(message);
    }
}
