package io.supportsla.notification.pager;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.supportsla.notification.delivery.ChannelSender;
import io.supportsla.notification.delivery.DeliveryException;
import io.supportsla.notification.delivery.Receipt;
import io.supportsla.notification.triggers.PlannedNotification;
import io.supportsla.schemas.common.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends pages to a gateway speaking the PagerDuty Events API v2 ({@code POST {base}/v2/enqueue})
 * with Micronaut's JDK-based HTTP client. Point the base URL at {@code https://events.pagerduty.com}
 * and a real integration key works unchanged.
 */
public final class PagerGateway implements ChannelSender, AutoCloseable {

    static final String ENQUEUE_PATH = "/v2/enqueue";

    private final HttpClient client;
    private final String enqueuePath;
    private final String rootPath;
    private final PagerEvents events;
    private final JsonMapper json;
    private final Clock clock;

    public PagerGateway(String baseUrl, Duration connectTimeout, Duration readTimeout, PagerEvents events, JsonMapper json,
            Clock clock) {
        URI base = URI.create(baseUrl);
        String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        this.rootPath = basePath.isEmpty() ? "/" : basePath;
        this.enqueuePath = basePath + ENQUEUE_PATH;
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(connectTimeout);
        configuration.setReadTimeout(readTimeout);
        // Statuses are classified here; an error status must not become an exception whose body the
        // client would try to parse.
        configuration.setExceptionOnErrorStatus(false);
        configuration.setFollowRedirects(false);
        try {
            this.client = HttpClient.create(URI.create(base.getScheme() + "://" + base.getRawAuthority()).toURL(), configuration);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + baseUrl, e);
        }
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.PAGE;
    }

    @Override
    public Receipt send(PlannedNotification page) throws DeliveryException {
        String body;
        try {
            body = json.writeValueAsString(events.of(page));
        } catch (RuntimeException e) {
            throw DeliveryException.permanentFailure("Could not build the page: " + e.getMessage(), null, e);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.toBlocking().exchange(
                    HttpRequest.POST(enqueuePath, body)
                            .contentType(MediaType.APPLICATION_JSON_TYPE)
                            .accept(MediaType.APPLICATION_JSON_TYPE),
                    byte[].class);
        } catch (HttpClientException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw DeliveryException.transientFailure("Pager gateway unreachable: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), null, e);
        }
        int status = response.getStatus().getCode();
        String answer = response.getBody().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse("");
        if (!PagerResponses.accepted(status)) {
            Optional<Duration> retryAfter = RetryAfter.parse(response.getHeaders().get("Retry-After"), clock.instant());
            throw PagerResponses.failure(status, retryAfter, answer);
        }
        return new Receipt(answeredDedupKey(answer).orElse(page.dedupKey()));
    }

    /**
     * Whether the gateway answers HTTP at all: any status below 500 on its base URL counts, since an
     * events endpoint need not serve {@code GET}.
     *
     * @return the status it answered
     * @throws HttpClientException when it cannot be reached
     */
    public int probe() {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET(rootPath), byte[].class);
        return response.getStatus().getCode();
    }

    private Optional<String> answeredDedupKey(String answer) {
        if (answer.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(answer);
            JsonNode dedupKey = node.get("dedup_key");
            return dedupKey == null || !dedupKey.isString() ? Optional.empty() : Optional.of(dedupKey.asString());
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
