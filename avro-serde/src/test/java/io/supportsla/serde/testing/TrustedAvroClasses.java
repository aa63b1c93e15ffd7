package io.supportsla.serde.testing;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Lets Avro instantiate test classes outside org.apache.avro.SERIALIZABLE_PACKAGES, through Avro's
 * own API, for the duration of one test: {@code try (var trusted = TrustedAvroClasses.trust(Greeting.class)) {...}}.
 */
public final class TrustedAvroClasses implements AutoCloseable {

    private final ClassSecurityPredicate previous;

    private TrustedAvroClasses(Class<?>... classes) {
        previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.Builder builder = ClassSecurityValidator.builder();
        for (Class<?> c : classes) {
            builder.add(c);
        }
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, builder.build()));
    }

    public static TrustedAvroClasses trust(Class<?>... classes) {
        return new TrustedAvroClasses(classes);
    }

    @Override
    public void close() {
        ClassSecurityValidator.setGlobal(previous);
    }
}
