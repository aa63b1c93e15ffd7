package io.supportsla.notification.pager;

import io.micronaut.http.client.exceptions.HttpClientException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Health of the pager gateway: UP when its base URL answers HTTP below 500. */
public final class PagerGatewayHealthIndicator extends AbstractHealthIndicator {

    private final PagerGateway gateway;
    private final String baseUrl;

    public PagerGatewayHealthIndicator(PagerGateway gateway, String baseUrl) {
        super("Pager gateway health check failed");
        this.gateway = gateway;
        this.baseUrl = baseUrl;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("baseUrl", baseUrl);
        try {
            int status = gateway.probe();
            builder.withDetail("status", status);
            if (status < 500) {
                builder.up();
            } else {
                builder.down();
            }
        } catch (HttpClientException unreachable) {
            builder.down().withDetail("error", String.valueOf(unreachable.getCause() == null
                    ? unreachable.getMessage() : unreachable.getCause().toString()));
        }
    }
}
