package io.supportsla.notification.email;

import java.nio.charset.StandardCharsets;

import io.supportsla.notification.delivery.ChannelSender;
import io.supportsla.notification.delivery.DeliveryException;
import io.supportsla.notification.delivery.NotificationId;
import io.supportsla.notification.delivery.Receipt;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.common.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends a notification as one email over SMTP (Spring's {@link JavaMailSender}): an HTML and a
 * plain-text alternative from the templates, and a {@code Message-ID} derived from the notification
 * id, so a notification sent twice in the crash window is recognisable as the same message.
 */
public final class SmtpEmailSender implements ChannelSender {

    private final JavaMailSender mailSender;
    private final EmailTemplates templates;
    private final InternetAddress from;
    private final String messageIdDomain;

    public SmtpEmailSender(JavaMailSender mailSender, EmailTemplates templates, InternetAddress from, String messageIdDomain) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.from = from;
        this.messageIdDomain = messageIdDomain;
    }

    /** {@code <id@domain>}: the Message-ID of a notification (RFC 5322 msg-id). */
    public static String messageId(NotificationId id, String domain) {
        return "<" + id.value() + "@" + domain + ">";
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Receipt send(PlannedNotification notification) throws DeliveryException {
        String to = notification.address()
                .orElseThrow(() -> DeliveryException.permanentFailure("No email address", null, null));
        String messageId = messageId(notification.id(), messageIdDomain);
        MimeMessage message;
        try {
            RenderedEmail email = templates.render(notification);
            message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(to, true));
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            // JavaMailSenderImpl keeps a Message-ID set before sending.
            message.setHeader("Message-ID", messageId);
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("X-Support-Case", notification.cause().caseNumber());
            message.setHeader("X-Notification-Id", notification.id().value());
        } catch (MessagingException | RuntimeException e) {
            throw DeliveryException.permanentFailure("Could not build the email: " + e.getMessage(), null, e);
        }
        try {
            mailSender.send(message);
        } catch (MailException e) {
            throw SmtpFailures.classify(e);
        }
        return new Receipt(messageId);
    }
}
