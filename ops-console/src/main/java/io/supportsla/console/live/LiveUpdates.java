package io.supportsla.console.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportsla.console.ConsoleProperties;
import io.supportsla.console.view.ConsoleView;
import io.supportsla.security.Caller;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to every open page: when cases change, each subscriber gets one
 * {@code changed} event naming the cases that changed among those it may see (coalesced over
 * {@code console.live.coalesce}), and the page fetches its fresh fragments. A subscriber never
 * hears of another organisation's cases, not even their numbers. A comment goes out every
 * {@code console.live.heartbeat} so idle streams stay open through proxies.
 */
public final class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    static final String CHANGED = "changed";

    private final ConsoleView view;
    private final ConsoleProperties.Live settings;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Set<String> changedCases = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    private record Subscriber(Caller viewer, SseEmitter emitter) {
    }

    public LiveUpdates(ConsoleView view, ConsoleProperties.Live settings, MeterRegistry meters) {
        this.view = view;
        this.settings = settings;
        view.addListener(changedCases::add);
        Gauge.builder("console.live.subscribers", subscribers, List::size)
                .description("Pages following live updates").register(meters);
    }

    /**
     * A new stream for one page of this viewer.
     *
     * @throws TooManySubscribersException when {@code console.live.max-subscribers} streams are open
     */
    public SseEmitter subscribe(Caller viewer) {
        if (subscribers.size() >= settings.maxSubscribers()) {
            throw new TooManySubscribersException();
        }
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(viewer, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            subscribers.remove(subscriber);
            emitter.complete();
        });
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        // Tells the page the stream is open, so it can fetch what it may have missed while it was not.
        send(subscriber, SseEmitter.event().name("ready").data(Map.of("cases", List.of()), MediaType.APPLICATION_JSON));
        return emitter;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Sends what changed since the last call, each subscriber the part it may see. */
    void publishChanges() {
        if (changedCases.isEmpty()) {
            return;
        }
        List<String> changed = new ArrayList<>(changedCases);
        changedCases.removeAll(changed);
        for (Subscriber subscriber : subscribers) {
            List<String> visible = changed.stream().filter(number -> view.maySee(subscriber.viewer(), number)).sorted().toList();
            if (!visible.isEmpty()) {
                send(subscriber, SseEmitter.event().name(CHANGED).data(Map.of("cases", visible), MediaType.APPLICATION_JSON));
            }
        }
    }

    void heartbeat() {
        subscribers.forEach(subscriber -> send(subscriber, SseEmitter.event().comment("heartbeat")));
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // The page went away; the container completes the emitter.
            subscribers.remove(subscriber);
            log.debug("Dropped a live subscriber of {}: {}", subscriber.viewer().principal(), e.toString());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-updates");
            thread.setDaemon(true);
            return thread;
        });
        long coalesce = settings.coalesce().toMillis();
        scheduler.scheduleWithFixedDelay(this::publishSafely, coalesce, coalesce, TimeUnit.MILLISECONDS);
        long heartbeat = settings.heartbeat().toMillis();
        scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        running = true;
    }

    private void publishSafely() {
        try {
            publishChanges();
        } catch (RuntimeException e) {
            log.error("Could not publish live updates", e);
        }
    }

    /** Ends every stream first, so the web server's graceful shutdown is not held up by open pages. */
    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Thrown when no more streams may be opened. */
    public static final class TooManySubscribersException extends RuntimeException {
        TooManySubscribersException() {
            super("Too many live pages are open");
        }
    }
}
