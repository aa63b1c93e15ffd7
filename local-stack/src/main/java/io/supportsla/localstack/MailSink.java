package io.supportsla.localstack;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server that keeps every email it receives (GreenMail, accepting any login), with
 * {@code GET /api/messages} listing them as JSON and {@code GET /} showing them in a browser.
 */
final class MailSink implements AutoCloseable {

    /** One received email, as the HTTP API shows it. */
    record Mail(String messageId, Instant receivedAt, String from, List<String> to, String subject, String text,
                String html) {
    }

    private final GreenMail greenMail;
    private final HttpServer http;
    private final int smtpPort;

    private MailSink(int smtpPort, int webPort) {
        this.smtpPort = smtpPort;
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        http = JsonHttp.server(webPort);
        http.createContext("/api/messages", exchange -> JsonHttp.json(exchange, 200, messages()));
        http.createContext("/", exchange -> JsonHttp.html(exchange, page()));
        http.start();
    }

    static MailSink start(int smtpPort, int webPort) {
        return new MailSink(smtpPort, webPort);
    }

    int smtpPort() {
        return smtpPort;
    }

    String webUrl() {
        return "http://localhost:" + http.getAddress().getPort();
    }

    List<Mail> messages() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                String[] parts = new String[2];
                collectParts(message.getContent(), message.getContentType(), parts);
                mails.add(new Mail(message.getMessageID(),
                        message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant(),
                        message.getFrom() == null ? null : message.getFrom()[0].toString(),
                        message.getRecipients(Message.RecipientType.TO) == null ? List.of()
                                : Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList(),
                        message.getSubject(), parts[0], parts[1]));
            } catch (MessagingException | IOException e) {
                mails.add(new Mail(null, null, null, List.of(), "(unreadable: " + e.getMessage() + ")", null, null));
            }
        }
        return mails;
    }

    private static void collectParts(Object content, String contentType, String[] textAndHtml)
            throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collectParts(part.getContent(), part.getContentType(), textAndHtml);
            }
        } else if (content instanceof String text) {
            int slot = contentType != null && contentType.toLowerCase().startsWith("text/html") ? 1 : 0;
            if (textAndHtml[slot] == null) {
                textAndHtml[slot] = text;
            }
        }
    }

    private String page() {
        StringBuilder rows = new StringBuilder();
        List<Mail> newestFirst = new ArrayList<>(messages());
        java.util.Collections.reverse(newestFirst);
        for (Mail mail : newestFirst) {
            rows.append("<details><summary>").append(JsonHttp.escape(mail.receivedAt())).append(" &mdash; <b>")
                    .append(JsonHttp.escape(mail.subject())).append("</b> &rarr; ")
                    .append(JsonHttp.escape(String.join(", ", mail.to()))).append("</summary>")
                    .append(mail.html() != null
                            ? "<iframe style=\"width:100%;height:360px\" srcdoc=\"" + JsonHttp.escape(mail.html()) + "\"></iframe>"
                            : "<pre>" + JsonHttp.escape(mail.text()) + "</pre>")
                    .append("</details>\n");
        }
        return """
                <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
                <title>Mail sink</title><style>body{font-family:sans-serif}details{margin:6px 0}</style></head>
                <body><h1>Emails received (%d)</h1><p>SMTP on port %d; JSON at <code>/api/messages</code>.</p>%s</body></html>"""
                .formatted(newestFirst.size(), smtpPort, rows);
    }

    @Override
    public void close() {
        http.stop(0);
        greenMail.stop();
    }
}
