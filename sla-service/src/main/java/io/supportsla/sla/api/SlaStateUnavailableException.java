package io.supportsla.sla.api;

/** The state store holding the answer is not queryable right now (starting, rebalancing, or its instance did not answer): 503. */
public class SlaStateUnavailableException extends RuntimeException {

    public SlaStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SlaStateUnavailableException(String message) {
        super(message);
    }
}
