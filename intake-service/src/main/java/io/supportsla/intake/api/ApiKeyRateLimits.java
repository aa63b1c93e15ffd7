package io.supportsla.intake.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.supportsla.intake.IntakeProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Requests per API key (resilience4j's {@link RateLimiter}, one per key name, never waiting): a
 * key over its limit is told how long until the next request is allowed. Only authenticated
 * callers are counted, so there is one limiter per configured key at most.
 */
public final class ApiKeyRateLimits {

    private final IntakeProperties.RateLimit settings;
    private final ConcurrentMap<String, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();

    public ApiKeyRateLimits(IntakeProperties.RateLimit settings) {
        this.settings = settings;
    }

    /** Takes a permit for the key: empty when allowed, otherwise how long until the next one (at least a second). */
    public Optional<Duration> acquire(String keyName) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        AtomicRateLimiter limiter = limiters.computeIfAbsent(keyName, this::limiterFor);
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanos = Math.max(limiter.getDetailedMetrics().getNanosToWait(), 1);
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private AtomicRateLimiter limiterFor(String keyName) {
        IntakeProperties.KeyLimit limit = settings.limitOf(keyName);
        return new AtomicRateLimiter("api-key:" + keyName, RateLimiterConfig.custom()
                .limitForPeriod(limit.requests())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build());
    }
}
