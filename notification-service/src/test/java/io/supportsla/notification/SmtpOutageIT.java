package io.supportsla.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.supportsla.notification.testing.NotificationServiceInstance;
import io.supportsla.notification.testing.NotificationTestEnvironment;
import io.supportsla.notification.testing.TopicWatcher.Outcome;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.sla.SlaEvent;
import io.supportsla.testing.kafka.WithKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An SMTP server that is down is retried with backoff until it is back; health shows it meanwhile. */
@WithKafkaBroker
class SmtpOutageIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    static NotificationTestEnvironment environment;
    static NotificationServiceInstance service;

    final String caseNumber = Events.newCaseNumber();

    @BeforeAll
    static void startService() {
        environment = NotificationTestEnvironment.get();
        // A retry budget of about 15 s: long enough to outlast the outage below.
        service = NotificationServiceInstance.start(environment,
                "--notification.retry.max-attempts=20",
                "--notification.retry.initial-backoff=100ms",
                "--notification.retry.max-backoff=1s");
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void emailIsDeliveredOnceTheSmtpServerIsBack() throws Exception {
        double refusedBefore = refusedAttempts();
        SlaEvent warning = Events.slaEvent(caseNumber, Events.warning(Severity.SEV2, 50, 240));
        environment.stopMail();
        try {
            environment.publish(Topics.SLA_EVENTS.name(), caseNumber, warning);

            await().atMost(WAIT).until(() -> refusedAttempts() > refusedBefore);
            assertThat(mailHealth()).isEqualTo("DOWN");
            assertThat(environment.published().outcomesOfCause(warning.getEventId())).isEmpty();
        } finally {
            environment.startMail();
        }

        await().atMost(WAIT).until(() -> environment.emails(caseNumber).size() == 1);
        await().atMost(WAIT).until(() -> environment.published().outcomesOfCause(warning.getEventId()).size() == 1);
        Outcome outcome = environment.published().outcomesOfCause(warning.getEventId()).get(0);
        assertThat(outcome.sent()).isTrue();
        assertThat(outcome.asSent().getAttempts()).isGreaterThanOrEqualTo(2);
        assertThat(environment.emails(caseNumber).get(0).getSubject())
                .isEqualTo("[" + caseNumber + " SEV2] 50% of the response target elapsed, 4 h left");
        assertThat(mailHealth()).isEqualTo("UP");
    }

    private static double refusedAttempts() {
        return service.count("notification.attempts", "channel", "email", "result", "transient_failure");
    }

    private static String mailHealth() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body()).get("components").get("mail").get("status").asString();
    }
}
