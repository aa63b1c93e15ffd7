package io.supportsla.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class SinksTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void mailSinkOnFreePortsKeepsEachEmailWithItsHeaders() throws Exception {
        try (MailSink sink = MailSink.start(0, 0)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "localhost");
            smtp.put("mail.smtp.port", Integer.toString(sink.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("notifications@support.example.com"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("escalations.london@example.com", "London"));
            message.setSubject("[C-0000-0001 SEV1] Response target breached");
            message.setText("Escalation level 1");
            message.setHeader("X-Support-Case", "C-0000-0001");
            Transport.send(message);

            assertThat(sink.smtpPort()).isPositive();
            assertThat(sink.messages()).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo("[C-0000-0001 SEV1] Response target breached");
                assertThat(mail.to()).singleElement().asString().contains("escalations.london@example.com");
                assertThat(mail.header("x-support-case")).isEqualTo("C-0000-0001");
                assertThat(mail.text()).contains("Escalation level 1");
            });
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(sink.webUrl() + "/api/messages")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.body()).contains("\"X-Support-Case\":\"C-0000-0001\"");
        }
    }

    @Test
    void pagerSinkRecordsValidEventsAndRefusesInvalidOnesAsPagerDutyDoes() throws Exception {
        try (PagerSink sink = PagerSink.start(0)) {
            HttpResponse<String> accepted = enqueue(sink, """
                    {"routing_key":"examplelondoncontact000000000001","event_action":"trigger","dedup_key":"C-1/escalation/C-1-E1",
                     "payload":{"summary":"Breach","source":"support-sla-platform","severity":"critical"}}""");
            HttpResponse<String> refused = enqueue(sink, """
                    {"routing_key":"examplelondoncontact000000000001","event_action":"resolve"}""");

            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(accepted.body()).contains("\"dedup_key\":\"C-1/escalation/C-1-E1\"");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("'dedup_key' is required for resolve");
            assertThat(sink.pages()).singleElement().satisfies(page -> {
                assertThat(page.eventAction()).isEqualTo("trigger");
                assertThat(page.dedupKey()).isEqualTo("C-1/escalation/C-1-E1");
                assertThat(page.severity()).isEqualTo("critical");
            });
        }
    }

    private HttpResponse<String> enqueue(PagerSink sink, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sink.url() + "/v2/enqueue"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
