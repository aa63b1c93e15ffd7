package io.supportsla.registry.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before the registry sees it (an encoded slash or NUL in the path, a malformed
 * header) also leaves in Confluent's {@code {"error_code": N, "message": "..."}} shape, like
 * {@link FallbackErrorController}'s errors, instead of Tomcat's HTML page.
 */
final class ConfluentErrorReportValve extends ErrorReportValve {

    ConfluentErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        try {
            response.setContentType(RegistryMediaTypes.V1_JSON);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error_code\":" + status + ",\"message\":\"HTTP " + status
                        + (known == null ? "" : " " + known.getReasonPhrase()) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away: nothing more to say.
        }
    }

    /** Puts the valve in place of Tomcat's and Spring Boot's on the host (after Boot's own customizer). */
    @Component
    static final class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ConfluentErrorReportValve.class.getName());
                }
                Pipeline pipeline = host.getPipeline();
                boolean present = false;
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ConfluentErrorReportValve) {
                        present = true;
                    } else if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                if (!present) {
                    pipeline.addValve(new ConfluentErrorReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
