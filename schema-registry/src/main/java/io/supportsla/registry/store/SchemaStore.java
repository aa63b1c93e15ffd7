package io.supportsla.registry.store;

/**
 * Where the registry's log lives. {@link #append} returns only once the record is durable and
 * applied to {@link #state()}, so a caller that appends and then reads sees its own write.
 */
public interface SchemaStore {

    RegistryState state();

    /**
     * Writes one record durably and waits until it is applied to {@link #state()}.
     *
     * @throws io.supportsla.registry.RegistryException with
     *     {@link io.supportsla.registry.RegistryError#BACKEND_STORE_ERROR} or
     *     {@link io.supportsla.registry.RegistryError#OPERATION_TIMEOUT} when the write fails
     */
    void append(StoreRecord record);
}
