package io.supportsla.localstack;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP server that keeps every email it receives (GreenMail, accepting any login), with
 * {@code GET /api/messages} listing them as JSON and {@code GET /} showing them in a browser.
 * Port 0 picks a free port for either.
 */
public final class MailSink implements AutoCloseable {

    /**
     * One received email, as the HTTP API shows it.
     *
     * @param headers every header of the message, the first value of each, in order
     */
    public record Mail(String messageId, Instant receivedAt, String from, List<String> to, String subject, String text,
                String html, Map<String, String> headers) {

        /** The first value of a header, or null; names compare ignoring case. */
        public String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    private final GreenMail greenMail;
    private final HttpServer http;
    private final int smtpPort;

    private MailSink(int smtpPort, int webPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(smtpPort == 0 ? smtp.dynamicPort() : smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        this.smtpPort = greenMail.getSmtp().getPort();
        http = JsonHttp.server(webPort);
        http.createContext("/api/messages", exchange -> JsonHttp.json(exchange, 200, messages()));
        http.createContext("/", exchange -> JsonHttp.html(exchange, page()));
        http.start();
    }

    /** Starts the SMTP server and its web page; 0 picks a free port. */
    public static MailSink start(int smtpPort, int webPort) {
        return new MailSink(smtpPort, webPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String webUrl() {
        return "http://localhost:" + http.getAddress().getPort();
    }

    /** Every email received so far, oldest first. */
    public List<Mail> messages() {
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
                        message.getSubject(), parts[0], parts[1], headers(message)));
            } catch (MessagingException | IOException e) {
                mails.add(new Mail(null, null, null, List.of(), "(unreadable: " + e.getMessage() + ")", null, null,
                        Map.of()));
            }
        }
        return mails;
    }

    private static Map<String, String> headers(MimeMessage message) throws MessagingException {
        Map<String, String> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        return Collections.unmodifiableMap(headers);
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
