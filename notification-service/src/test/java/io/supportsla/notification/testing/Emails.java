package io.supportsla.notification.testing;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the bodies of a received email. */
public final class Emails {

    private Emails() {
    }

    /** Whether the email was addressed to this address. */
    public static boolean sentTo(jakarta.mail.Message message, String address) {
        try {
            return java.util.Arrays.stream(message.getAllRecipients())
                    .anyMatch(recipient -> ((jakarta.mail.internet.InternetAddress) recipient).getAddress().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the recipients", e);
        }
    }

    /** The text/plain and text/html bodies, by content type. */
    public static Map<String, String> bodies(Part message) {
        Map<String, String> bodies = new LinkedHashMap<>();
        try {
            collect(message, bodies);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the email", e);
        }
        return bodies;
    }

    private static void collect(Part part, Map<String, String> bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            bodies.put("text/plain", (String) part.getContent());
        } else if (part.isMimeType("text/html")) {
            bodies.put("text/html", (String) part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, bodies);
            }
        }
    }
}
