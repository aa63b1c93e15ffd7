package io.supportsla.serde.registry;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry answered a request with an error. {@link #httpStatus()} is the HTTP status and
 * {@link #errorCode()} Confluent's finer code from the body {@code {"error_code":40403,"message":...}}
 * (40401 subject not found, 40403 schema not found, 409 incompatible schema, 42201 invalid schema,
 * 50001 backend store error, ...); when the body is not such a document the code is the HTTP status.
 */
public class SchemaRegistryException extends SerializationException {

    /** Confluent's error code for an unknown subject. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's error code for an unknown version of a subject. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent's error code for an unknown schema, by id or under a subject. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    /** Whether the registry said the subject, version or schema does not exist (HTTP 404). */
    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
