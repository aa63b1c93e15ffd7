package io.supportsla.registry;

/**
 * The error codes of Confluent's Schema Registry protocol that this registry answers with.
 * Clients switch on these numbers, so they are part of the contract; the HTTP status is
 * derived from them as Confluent does (40401 is a 404, 42201 a 422, 50001 a 500).
 */
public enum RegistryError {
    SUBJECT_NOT_FOUND(40401),
    VERSION_NOT_FOUND(40402),
    SCHEMA_NOT_FOUND(40403),
    SUBJECT_COMPATIBILITY_NOT_CONFIGURED(40408),
    INCOMPATIBLE_SCHEMA(409),
    INVALID_SCHEMA(42201),
    INVALID_VERSION(42202),
    INVALID_COMPATIBILITY_LEVEL(42203),
    INVALID_SUBJECT(42208),
    BACKEND_STORE_ERROR(50001),
    OPERATION_TIMEOUT(50002);

    private final int code;

    RegistryError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** 40401 -> 404, 42203 -> 422, 409 -> 409. */
    public int httpStatus() {
        return code < 1000 ? code : code / 100;
    }
}
