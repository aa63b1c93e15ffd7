package io.supportsla.serde.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How {@link CachedSchemaRegistryClient} reaches the registry: the base URLs (tried in turn),
 * optional HTTP basic-auth credentials as {@code user:password}, the timeout of one request, and
 * the retry budget for transport errors and 5xx answers ({@code maxAttempts} rounds over all URLs,
 * waiting {@code retryBackoff}, doubling, between rounds). URLs carry no credentials: they appear
 * in error messages.
 */
public record SchemaRegistrySettings(
        List<URI> urls, String basicAuthUserInfo, Duration requestTimeout, int maxAttempts, Duration retryBackoff) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(200);

    public SchemaRegistrySettings {
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        for (URI url : urls) {
            if (url.getRawUserInfo() != null) {
                throw new IllegalArgumentException("pass credentials as basicAuthUserInfo, not in the URL " + url.getHost());
            }
        }
        if (basicAuthUserInfo != null && basicAuthUserInfo.indexOf(':') < 0) {
            throw new IllegalArgumentException("basic auth user info must be user:password");
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (retryBackoff.toMillis() < 1) {
            throw new IllegalArgumentException("retryBackoff must be at least 1 ms");
        }
    }

    /** Settings with the defaults: no credentials, 10 s per request, 3 attempts 200 ms apart (doubling). */
    public static SchemaRegistrySettings of(String... urls) {
        return new SchemaRegistrySettings(
                Arrays.stream(urls).map(URI::create).toList(),
                null,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS,
                DEFAULT_RETRY_BACKOFF);
    }

    public SchemaRegistrySettings withBasicAuth(String userInfo) {
        return new SchemaRegistrySettings(urls, userInfo, requestTimeout, maxAttempts, retryBackoff);
    }

    public SchemaRegistrySettings withRequestTimeout(Duration timeout) {
        return new SchemaRegistrySettings(urls, basicAuthUserInfo, timeout, maxAttempts, retryBackoff);
    }

    public SchemaRegistrySettings withRetries(int attempts, Duration backoff) {
        return new SchemaRegistrySettings(urls, basicAuthUserInfo, requestTimeout, attempts, backoff);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        String user = basicAuthUserInfo == null ? "none" : basicAuthUserInfo.substring(0, basicAuthUserInfo.indexOf(':')) + ":***";
        return "SchemaRegistrySettings[urls=" + urls + ", basicAuth=" + user + ", requestTimeout=" + requestTimeout
                + ", maxAttempts=" + maxAttempts + ", retryBackoff=" + retryBackoff + "]";
    }
}
