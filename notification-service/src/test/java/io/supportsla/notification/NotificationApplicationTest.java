package io.supportsla.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationApplicationTest {

    static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }

    @Test
    void trustsTheGeneratedClassesWhenNothingIsSet() {
        System.clearProperty(PROPERTY);

        NotificationApplication.trustGeneratedAvroClasses();

        assertThat(System.getProperty(PROPERTY)).isEqualTo("io.supportsla.schemas");
    }

    @Test
    void keepsPackagesAnOperatorNamed() {
        System.setProperty(PROPERTY, "com.example.extra");

        NotificationApplication.trustGeneratedAvroClasses();

        assertThat(System.getProperty(PROPERTY)).isEqualTo("com.example.extra,io.supportsla.schemas");
    }

    @Test
    void addsNothingTwice() {
        System.setProperty(PROPERTY, "io.supportsla.schemas");

        NotificationApplication.trustGeneratedAvroClasses();

        assertThat(System.getProperty(PROPERTY)).isEqualTo("io.supportsla.schemas");
    }
}
