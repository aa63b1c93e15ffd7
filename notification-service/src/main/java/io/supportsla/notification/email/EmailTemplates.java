package io.supportsla.notification.email;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.supportsla.notification.triggers.PlannedNotification;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification's email from the Thymeleaf templates {@code templates/email/notification.html}
 * and {@code templates/email/notification.txt} on the class path, both fed one {@link EmailView}
 * named {@code view}.
 */
public final class EmailTemplates {

    static final String TEMPLATE = "notification";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public EmailTemplates() {
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
    }

    public RenderedEmail render(PlannedNotification notification) {
        EmailView view = EmailView.of(notification);
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("view", view);
        String html = engine.process(TEMPLATE + ".html", context);
        String text = engine.process(TEMPLATE + ".txt", context);
        return new RenderedEmail(view.subject(), text, html);
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailTemplates.class.getClassLoader());
        resolver.setPrefix("templates/email/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
