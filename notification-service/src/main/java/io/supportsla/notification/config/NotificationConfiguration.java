package io.supportsla.notification.config;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.calendar.BusinessCalendars;
import io.supportsla.notification.config.NotificationProperties.PagedTeam;
import io.supportsla.notification.delivery.ChannelSender;
import io.supportsla.notification.delivery.DeliveredNotifications;
import io.supportsla.notification.delivery.DeliveryMetrics;
import io.supportsla.notification.delivery.NotificationDispatcher;
import io.supportsla.notification.delivery.RetryingDelivery;
import io.supportsla.notification.email.EmailTemplates;
import io.supportsla.notification.email.SmtpEmailSender;
import io.supportsla.notification.pager.PagerEvents;
import io.supportsla.notification.pager.PagerGateway;
import io.supportsla.notification.pager.PagerGatewayHealthIndicator;
import io.supportsla.notification.triggers.OwnRecipients;
import io.supportsla.notification.triggers.Recipient;
import io.supportsla.notification.triggers.Triggers;
import io.supportsla.schemas.common.RecipientRole;
import jakarta.mail.internet.InternetAddress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/** The triggers, the two channels and delivery, from {@link NotificationProperties}. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessCalendars businessCalendars(NotificationProperties properties) {
        BusinessCalendars.Builder builder = BusinessCalendars.builder();
        properties.calendar().regions().forEach((region, settings) -> {
            if (settings == null) {
                return;
            }
            if (settings.holidaySubdivision() != null) {
                builder.holidaySubdivision(region, settings.holidaySubdivision());
            }
            if (settings.extraClosureDays() != null) {
                builder.extraClosureDays(region, settings.extraClosureDays());
            }
            if (settings.excludedHolidays() != null) {
                builder.excludedHolidays(region, settings.excludedHolidays());
            }
        });
        try {
            return builder.build();
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("notification.calendar.regions: " + invalid.getMessage(), invalid);
        }
    }

    @Bean
    OwnRecipients ownRecipients(NotificationProperties properties) {
        NotificationProperties.Recipients recipients = properties.recipients();
        return new OwnRecipients(
                new Recipient(recipients.consultingTeam().name(), RecipientRole.CONSULTING_TEAM,
                        recipients.consultingTeam().email(), null, null),
                paged(recipients.hotlineOnCall(), RecipientRole.HOTLINE_ON_CALL),
                paged(recipients.onDutyTechnicians(), RecipientRole.ON_DUTY_TECHNICIANS),
                recipients.consultants());
    }

    private static Recipient paged(PagedTeam team, RecipientRole role) {
        return new Recipient(team.name(), role, team.email(), team.pagerRoutingKey(), null);
    }

    @Bean
    Triggers triggers(OwnRecipients recipients, BusinessCalendars calendars) {
        return new Triggers(recipients, calendars);
    }

    @Bean
    EmailTemplates emailTemplates() {
        return new EmailTemplates();
    }

    @Bean
    SmtpEmailSender smtpEmailSender(JavaMailSender mailSender, EmailTemplates templates, NotificationProperties properties) {
        NotificationProperties.EmailSettings email = properties.email();
        InternetAddress from;
        try {
            from = new InternetAddress(email.fromAddress(), email.fromName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        return new SmtpEmailSender(mailSender, templates, from, email.messageIdDomain());
    }

    @Bean(destroyMethod = "close")
    PagerGateway pagerGateway(NotificationProperties properties, JsonMapper json, Clock clock) {
        NotificationProperties.PagerSettings pager = properties.pager();
        return new PagerGateway(pager.baseUrl(), pager.connectTimeout(), pager.readTimeout(),
                new PagerEvents(pager.source(), pager.clientName()), json, clock);
    }

    /** Health component "pager"; Spring Boot adds "mail" for the SMTP server. */
    @Bean
    PagerGatewayHealthIndicator pagerHealthIndicator(PagerGateway gateway, NotificationProperties properties) {
        return new PagerGatewayHealthIndicator(gateway, properties.pager().baseUrl());
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
        return new DeliveryMetrics(registry);
    }

    @Bean
    RetryingDelivery retryingDelivery(NotificationProperties properties) {
        return new RetryingDelivery(properties.retry().toPolicy(), () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    NotificationDispatcher notificationDispatcher(List<ChannelSender> senders, DeliveredNotifications delivered,
            RetryingDelivery retrying, DeliveryMetrics metrics, Clock clock) {
        return new NotificationDispatcher(senders, delivered, retrying, metrics, clock);
    }
}
