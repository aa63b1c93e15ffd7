package io.supportsla.registry.api;

/** A request body that is not JSON (400) or not the JSON expected (422). */
final class MalformedRequestException extends RuntimeException {

    private final int status;

    MalformedRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
