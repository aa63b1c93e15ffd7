package io.supportsla.notification.config;

import java.lang.reflect.Constructor;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** What Spring Boot prints when start-up fails on a property that does not validate. */
final class ValidationFailures {

    private static final String ANALYZER = "org.springframework.boot.diagnostics.analyzer.BindValidationFailureAnalyzer";

    private ValidationFailures() {
    }

    static String describe(Throwable failure) {
        try {
            Constructor<?> constructor = Class.forName(ANALYZER).getDeclaredConstructor();
            constructor.setAccessible(true);
            FailureAnalysis analysis = ((FailureAnalyzer) constructor.newInstance()).analyze(failure);
            return analysis == null ? String.valueOf(failure) : analysis.getDescription();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Spring Boot's " + ANALYZER + " is not available", e);
        }
    }
}
