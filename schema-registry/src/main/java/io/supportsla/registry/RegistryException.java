package io.supportsla.registry;

/** A failure the registry reports to its client as a Confluent-shaped error. */
public class RegistryException extends RuntimeException {

    private final RegistryError error;

    public RegistryException(RegistryError error, String message) {
        super(message);
        this.error = error;
    }

    public RegistryException(RegistryError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public RegistryError error() {
        return error;
    }
}
