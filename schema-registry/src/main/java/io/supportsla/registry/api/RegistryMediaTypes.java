package io.supportsla.registry.api;

/**
 * The content types of Confluent's Schema Registry API. Responses prefer the versioned type;
 * requests may come in any of these, including the generic octet-stream some clients send.
 */
final class RegistryMediaTypes {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";

    private RegistryMediaTypes() {
    }
}
