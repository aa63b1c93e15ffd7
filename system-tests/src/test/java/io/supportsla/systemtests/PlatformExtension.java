package io.supportsla.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link Platform} once for every test class of the run (in the root context's store,
 * so JUnit closes it after the last test) and hands it to test methods that declare a
 * {@code Platform} parameter. A platform that fails to start fails every test with the same
 * error; it is not started a second time.
 */
final class PlatformExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    /** The outcome of the one start: the platform, or why it did not start. */
    private record Started(Platform platform, RuntimeException failure) implements AutoCloseable {

        static Started attempt() {
            try {
                return new Started(Platform.start(), null);
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
        }

        Platform get() {
            if (failure != null) {
                throw new IllegalStateException("The platform did not start: " + failure.getMessage(), failure);
            }
            return platform;
        }

        @Override
        public void close() {
            if (platform != null) {
                platform.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The store computes the value once, even when test classes ask for it in parallel.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, type -> Started.attempt(), Started.class)
                .get();
    }
}
