package io.supportsla.notification.email;

/** An email's subject and its two bodies. */
public record RenderedEmail(String subject, String text, String html) {
}
