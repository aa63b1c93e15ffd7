package io.supportsla.notification.email;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

import io.supportsla.notification.delivery.DeliveryException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Sorts SMTP failures into transient and permanent (RFC 5321: 4yz replies are transient, 5yz
 * permanent). Connection failures and timeouts are transient; a rejected login or a message that
 * cannot be built is permanent. A failure with neither a reply code nor a known cause is treated as
 * transient, so it is retried within the budget rather than dropped at once.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static DeliveryException classify(Exception failure) {
        Optional<Integer> replyCode = replyCode(failure);
        String message = describe(failure, replyCode);
        if (replyCode.isPresent()) {
            int code = replyCode.get();
            return code >= 400 && code < 500
                    ? DeliveryException.transientFailure(message, code, failure)
                    : DeliveryException.permanentFailure(message, code, failure);
        }
        if (failure instanceof MailAuthenticationException || has(failure, AuthenticationFailedException.class)) {
            return DeliveryException.permanentFailure(message, null, failure);
        }
        if (failure instanceof MailParseException || failure instanceof MailPreparationException
                || has(failure, AddressException.class)) {
            return DeliveryException.permanentFailure(message, null, failure);
        }
        return DeliveryException.transientFailure(message, null, failure);
    }

    /** The SMTP reply code of the first rejection found in the failure's causes. */
    static Optional<Integer> replyCode(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SMTPSendFailedException sendFailed) {
                return code(sendFailed.getReturnCode());
            }
            if (cause instanceof SMTPAddressFailedException addressFailed) {
                return code(addressFailed.getReturnCode());
            }
            if (cause instanceof SMTPSenderFailedException senderFailed) {
                return code(senderFailed.getReturnCode());
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> code(int code) {
        return code > 0 ? Optional.of(code) : Optional.empty();
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return causes(failure).stream().anyMatch(type::isInstance);
    }

    private static String describe(Exception failure, Optional<Integer> replyCode) {
        Throwable root = failure;
        for (Throwable cause : causes(failure)) {
            root = cause;
        }
        String text = failure.getMessage();
        if (root != failure && root.getMessage() != null && (text == null || !text.contains(root.getMessage()))) {
            text = (text == null ? "" : text + ": ") + root.getClass().getSimpleName() + ": " + root.getMessage();
        } else if (root instanceof IOException && text == null) {
            text = root.getClass().getSimpleName();
        }
        return replyCode.map(code -> "SMTP " + code + ": ").orElse("SMTP: ") + (text == null ? failure.getClass().getName() : text);
    }

    /** The failure, its cause chain and, for Spring's MailSendException, the per-message failures. */
    private static Deque<Throwable> causes(Throwable failure) {
        Deque<Throwable> found = new ArrayDeque<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable next = todo.poll();
            if (seen.put(next, Boolean.TRUE) != null) {
                continue;
            }
            found.add(next);
            if (next instanceof MailSendException send) {
                for (Exception perMessage : send.getMessageExceptions()) {
                    if (perMessage != null) {
                        todo.add(perMessage);
                    }
                }
            }
            if (next.getCause() != null) {
                todo.add(next.getCause());
            }
        }
        return found;
    }
}
