package io.supportsla.serde.registry;

import java.net.URI;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * No registry URL could be reached (connection refused, timeout, broken connection) within the
 * configured number of attempts. The message names the URLs tried and the number of attempts.
 */
public class SchemaRegistryUnreachableException extends SerializationException {

    private final List<URI> urls;
    private final int attempts;

    public SchemaRegistryUnreachableException(String message, List<URI> urls, int attempts, Throwable cause) {
        super(message, cause);
        this.urls = List.copyOf(urls);
        this.attempts = attempts;
    }

    public List<URI> urls() {
        return urls;
    }

    public int attempts() {
        return attempts;
    }
}
