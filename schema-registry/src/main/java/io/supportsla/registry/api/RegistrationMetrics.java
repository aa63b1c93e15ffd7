package io.supportsla.registry.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.registry.RegistryError;
import io.supportsla.registry.schemas.Registration;
import org.springframework.stereotype.Component;

/**
 * Counts registration requests by outcome, exposed as {@code schema_registry_registrations_total}
 * with tag {@code outcome}: {@code new_version}, {@code existing}, {@code incompatible},
 * {@code invalid}, {@code failed}.
 */
@Component
class RegistrationMetrics {

    private final Counter newVersion;
    private final Counter existing;
    private final Counter incompatible;
    private final Counter invalid;
    private final Counter failed;

    RegistrationMetrics(MeterRegistry meters) {
        newVersion = counter(meters, "new_version");
        existing = counter(meters, "existing");
        incompatible = counter(meters, "incompatible");
        invalid = counter(meters, "invalid");
        failed = counter(meters, "failed");
    }

    void accepted(Registration registration) {
        (registration.newVersion() ? newVersion : existing).increment();
    }

    void refused(RegistryError error) {
        switch (error) {
            case INCOMPATIBLE_SCHEMA -> incompatible.increment();
            case INVALID_SCHEMA -> invalid.increment();
            default -> failed.increment();
        }
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("schema.registry.registrations")
                .description("Schema registration requests by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
