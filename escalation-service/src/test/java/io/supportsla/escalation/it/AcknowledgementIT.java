package io.supportsla.escalation.it;

import static io.supportsla.escalation.it.RunningEscalationService.CONSULTANT_KEY;
import static io.supportsla.escalation.it.RunningEscalationService.HELPDESK_KEY;
import static io.supportsla.escalation.testing.Events.breached;
import static io.supportsla.escalation.testing.Events.caseCreated;
import static io.supportsla.escalation.testing.Events.responseBreached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportsla.escalation.acknowledgement.AcknowledgementToken;
import io.supportsla.escalation.acknowledgement.AcknowledgementTokens;
import io.supportsla.schemas.Topics;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.schemas.escalation.EscalationAcknowledged;
import io.supportsla.schemas.escalation.EscalationEvent;
import io.supportsla.schemas.escalation.EscalationRaised;
import io.supportsla.schemas.escalation.EscalationTimedOut;
import io.supportsla.schemas.sla.TargetKind;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledging through the HTTP endpoint against a real broker and registry: a tampered or
 * expired link is refused and changes nothing; the signed link acknowledges, and the acknowledged
 * escalation never passes on while an unacknowledged one of the same case does.
 */
@WithKafkaBroker
class AcknowledgementIT {

    private static final String CASE = "C-0002-0001";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static PlatformTopics topics;
    private static String registryUrl;

    @BeforeAll
    static void connect(KafkaBroker broker) {
        registryUrl = SharedSchemaRegistry.url(broker);
        topics = new PlatformTopics(broker, registryUrl);
    }

    @AfterAll
    static void disconnect() {
        topics.close();
    }

    @Test
    void anAcknowledgementThroughTheEndpointStopsTheReEscalation(@TempDir Path stateDir) {
        try (RunningEscalationService service = RunningEscalationService.start(registryUrl, stateDir,
                "supportsla.escalation.acknowledgement.timeout=PT15S",
                "supportsla.escalation.streams.timer-scan-interval=PT0.2S")) {
            // given a breach escalated to the London contact, who has 15 seconds to acknowledge
            Instant now = Instant.now();
            topics.send(Topics.CASE_EVENTS.name(), CASE, caseCreated(CASE, Severity.SEV3, Region.EMEA, now.minus(Duration.ofHours(12))));
            topics.send(Topics.SLA_EVENTS.name(), CASE, responseBreached(CASE, Severity.SEV3, Region.EMEA, now));
            EscalationRaised first = (EscalationRaised) awaitEvent("the escalation", e -> e.getPayload() instanceof EscalationRaised).getPayload();
            String id = first.getEscalationId();
            URI link = URI.create(first.getAcknowledgementUrl());
            String token = URLDecoder.decode(link.getRawQuery().substring("token=".length()), StandardCharsets.UTF_8);
            String acknowledgement = "/api/v1/escalations/" + id + "/acknowledgement";

            // when someone presents a tampered link, an expired one, another role's key or nothing
            String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
            HttpResponse<String> tamperedAnswer = service.post(acknowledgement + "?token=" + encode(tampered), null);
            String expired = new AcknowledgementTokens(RunningEscalationService.LINK_SECRET)
                    .sign(new AcknowledgementToken(id, "london-contact", now.minusSeconds(60)));
            HttpResponse<String> expiredAnswer = service.post(acknowledgement + "?token=" + encode(expired), null);
            HttpResponse<String> helpdeskAnswer = service.post(acknowledgement, HELPDESK_KEY);
            HttpResponse<String> anonymousAnswer = service.post(acknowledgement, null);

            // then each is refused as problem+json, and the escalation still waits
            assertProblem(tamperedAnswer, 401, "https://supportsla.io/problems/invalid-acknowledgement-link");
            assertThat(tamperedAnswer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).contains("invalid_token"));
            assertProblem(expiredAnswer, 403, "https://supportsla.io/problems/expired-acknowledgement-link");
            assertProblem(helpdeskAnswer, 403, "https://supportsla.io/problems/forbidden");
            assertProblem(anonymousAnswer, 401, "https://supportsla.io/problems/unauthenticated");
            // and opening the link (as a browser or a mail scanner does) only shows a confirmation form
            HttpResponse<String> page = service.get(acknowledgement + "?token=" + encode(token), null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    contentType -> assertThat(contentType).startsWith("text/html"));
            assertThat(page.body()).contains("<form method=\"post\"", "london-contact");
            assertProblem(service.get(acknowledgement + "?token=" + encode(tampered), null), 401,
                    "https://supportsla.io/problems/invalid-acknowledgement-link");
            HttpResponse<String> unchanged = service.get("/api/v1/escalations/" + id, CONSULTANT_KEY);
            assertThat(unchanged.statusCode()).isEqualTo(200);
            assertThat(unchanged.body()).contains("\"status\":\"AWAITING_ACKNOWLEDGEMENT\"");
            assertThat(topics.escalationsOf(CASE)).noneMatch(e -> e.getPayload() instanceof EscalationAcknowledged);

            // when the London contact follows the signed link
            HttpResponse<String> accepted = service.postTo(link, null);

            // then it is accepted and the acknowledgement is published
            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.body()).contains("\"outcome\":\"ACCEPTED\"", "\"acknowledgedBy\":\"london-contact\"", "\"via\":\"LINK\"");
            assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/escalations/" + id);
            EscalationAcknowledged acknowledged = (EscalationAcknowledged) awaitEvent("the acknowledgement",
                    e -> e.getPayload() instanceof EscalationAcknowledged a && a.getEscalationId().equals(id)).getPayload();
            assertThat(acknowledged.getAcknowledgedBy()).isEqualTo("london-contact");
            assertThat(acknowledged.getVia()).isEqualTo(AcknowledgementChannel.LINK);
            HttpResponse<String> viaLink = service.get("/api/v1/escalations/" + id + "?token=" + encode(token), null);
            assertThat(viaLink.statusCode()).isEqualTo(200);
            assertThat(viaLink.body()).contains("\"status\":\"ACKNOWLEDGED\"", "\"by\":\"london-contact\"");

            // when a later escalation of the same case is not acknowledged
            topics.send(Topics.SLA_EVENTS.name(), CASE, breached(CASE, TargetKind.STATUS_UPDATE, Severity.SEV3, Region.EMEA, Instant.now()));
            EscalationRaised second = (EscalationRaised) awaitEvent("the second escalation",
                    e -> e.getPayload() instanceof EscalationRaised r && !r.getEscalationId().equals(id)).getPayload();

            // then it passes to the backup after its timeout, and the acknowledged one, due earlier, never did
            EscalationTimedOut timedOut = (EscalationTimedOut) awaitEvent("the second escalation's timeout",
                    e -> e.getPayload() instanceof EscalationTimedOut t && t.getEscalationId().equals(second.getEscalationId()))
                    .getPayload();
            assertThat(timedOut.getNextRecipientRole()).isEqualTo(RecipientRole.BACKUP_CONTACT);
            EscalationRaised toBackup = (EscalationRaised) awaitEvent("the backup's escalation",
                    e -> e.getPayload() instanceof EscalationRaised r && r.getEscalationId().equals(second.getEscalationId())
                            && r.getPreviousRecipientRole() == RecipientRole.REGIONAL_CONTACT).getPayload();
            assertThat(toBackup.getRecipients()).extracting(r -> r.getEmail()).containsExactly("escalations.london.backup@example.com");
            assertThat(topics.escalationsOf(CASE))
                    .noneMatch(e -> e.getPayload() instanceof EscalationTimedOut t && t.getEscalationId().equals(id));

            // and a consultant acknowledges the backup's escalation with an API key
            HttpResponse<String> byConsultant = service.post("/api/v1/escalations/" + second.getEscalationId() + "/acknowledgement",
                    CONSULTANT_KEY);
            assertThat(byConsultant.statusCode()).isEqualTo(202);
            EscalationAcknowledged byKey = (EscalationAcknowledged) awaitEvent("the consultant's acknowledgement",
                    e -> e.getPayload() instanceof EscalationAcknowledged a && a.getEscalationId().equals(second.getEscalationId()))
                    .getPayload();
            assertThat(byKey.getAcknowledgedBy()).isEqualTo("jane");
            assertThat(byKey.getVia()).isEqualTo(AcknowledgementChannel.API_KEY);

            // and the metrics count what happened
            String metrics = service.get("/actuator/prometheus", null).body();
            assertThat(metrics).contains("supportsla_escalations_raised_total{", "reason=\"RESPONSE_BREACH\"",
                    "supportsla_escalations_timed_out_total{", "supportsla_escalations_acknowledged_total{", "via=\"LINK\"");
        }
    }

    private static EscalationEvent awaitEvent(String what, Predicate<EscalationEvent> matching) {
        List<EscalationEvent> events = await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> topics.escalationsOf(CASE), all -> all.stream().anyMatch(matching));
        Optional<EscalationEvent> found = events.stream().filter(matching).findFirst();
        return found.orElseThrow();
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String type) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"type\":\"" + type + "\"", "\"status\":" + status);
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
