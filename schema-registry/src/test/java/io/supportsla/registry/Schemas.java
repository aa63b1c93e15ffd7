package io.supportsla.registry;

/** Versions of a record schema, named for how they change it. */
public final class Schemas {

    /** v1: just an id. */
    public static final String CUSTOMER = """
            {"type": "record", "name": "Customer", "namespace": "io.supportsla.test",
             "fields": [{"name": "id", "type": "int"}]}""";

    /** Adds a field with a default: compatible at every level. */
    public static final String CUSTOMER_WITH_OPTIONAL_NAME = """
            {"type": "record", "name": "Customer", "namespace": "io.supportsla.test",
             "fields": [{"name": "id", "type": "int"}, {"name": "name", "type": "string", "default": ""}]}""";

    /** Adds a field without a default: new readers cannot read old data, so not BACKWARD. */
    public static final String CUSTOMER_WITH_REQUIRED_EMAIL = """
            {"type": "record", "name": "Customer", "namespace": "io.supportsla.test",
             "fields": [{"name": "id", "type": "int"}, {"name": "email", "type": "string"}]}""";

    /** Removes "email": fine for new readers of old data (BACKWARD), not for old readers (FORWARD). */
    public static final String CUSTOMER_WITHOUT_EMAIL = CUSTOMER;

    private Schemas() {
    }
}
