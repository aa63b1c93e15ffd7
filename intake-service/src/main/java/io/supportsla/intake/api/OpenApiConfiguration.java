package io.supportsla.intake.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description, served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "intake-service", version = "v1",
        description = "Authenticated case intake of the support SLA platform. Every action publishes one event to"
                + " support.case-events and answers once the broker has it. Errors are RFC 9457 problem details."))
@SecurityScheme(name = OpenApiConfiguration.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key: Authorization: Bearer <key>")
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
}
