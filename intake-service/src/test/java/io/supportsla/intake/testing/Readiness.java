package io.supportsla.intake.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Waits until an instance reports ready: it has read its topics to the end (readiness includes them). */
public final class Readiness {

    private Readiness() {
    }

    public static void awaitReady(IntakeHttp http) {
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/actuator/health/readiness", null).status() == 200);
    }
}
