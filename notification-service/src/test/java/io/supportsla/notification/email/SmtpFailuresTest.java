package io.supportsla.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import io.supportsla.notification.delivery.DeliveryException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

class SmtpFailuresTest {

    @Test
    void a4xxReplyIsTransient() throws Exception {
        DeliveryException failure = SmtpFailures.classify(sendFailed(451, "451 4.3.0 Mail server temporarily rejected message"));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.statusCode()).contains(451);
        assertThat(failure.getMessage()).startsWith("SMTP 451: ");
    }

    @Test
    void a5xxReplyIsPermanent() throws Exception {
        DeliveryException failure = SmtpFailures.classify(sendFailed(554, "554 5.7.1 Message rejected"));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.statusCode()).contains(554);
    }

    @Test
    void aRejectedRecipientIsPermanentWithItsReplyCode() throws Exception {
        SMTPAddressFailedException rejected = new SMTPAddressFailedException(new InternetAddress("nobody@support.example.com"),
                "RCPT TO", 550, "550 5.1.1 No such user");
        SendFailedException sendFailed = new SendFailedException("Invalid Addresses", rejected);
        MailSendException mail = new MailSendException("Failed messages", sendFailed, Map.of(new Object(), sendFailed));

        DeliveryException failure = SmtpFailures.classify(mail);

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.statusCode()).contains(550);
    }

    @Test
    void aMailboxTemporarilyUnavailableIsTransient() throws Exception {
        SMTPAddressFailedException busy = new SMTPAddressFailedException(new InternetAddress("a@support.example.com"),
                "RCPT TO", 452, "452 4.2.2 Mailbox full");

        assertThat(SmtpFailures.classify(new MailSendException("Failed", new SendFailedException("x", busy))).isTransient()).isTrue();
    }

    @Test
    void aServerThatCannotBeReachedIsTransient() {
        MailConnectException refused = new MailConnectException(
                new SocketConnectException("Connection refused", new ConnectException("Connection refused"), "localhost", 2525, 5000));
        MailSendException mail = new MailSendException("Mail server connection failed", refused);

        DeliveryException failure = SmtpFailures.classify(mail);

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.statusCode()).isEmpty();
        assertThat(failure.getMessage()).contains("Connection refused");
    }

    @Test
    void aRejectedLoginIsPermanent() {
        MailAuthenticationException rejected = new MailAuthenticationException(new AuthenticationFailedException("535 bad credentials"));

        assertThat(SmtpFailures.classify(rejected).isTransient()).isFalse();
    }

    @Test
    void aMessageThatCannotBeBuiltIsPermanent() {
        assertThat(SmtpFailures.classify(new MailParseException("bad address", null)).isTransient()).isFalse();
    }

    @Test
    void anUnknownMessagingFailureIsRetried() {
        assertThat(SmtpFailures.classify(new MailSendException("odd", new MessagingException("odd"))).isTransient()).isTrue();
    }

    private static MailSendException sendFailed(int code, String reply) throws Exception {
        SMTPSendFailedException failed = new SMTPSendFailedException("DATA", code, reply, null, null, null, null);
        return new MailSendException("Failed messages", failed, Map.of(new Object(), failed));
    }
}
