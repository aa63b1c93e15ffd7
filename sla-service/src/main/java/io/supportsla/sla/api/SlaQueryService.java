package io.supportsla.sla.api;

import io.supportsla.sla.config.SlaProperties;
import io.supportsla.sla.targets.CaseSla;
import io.supportsla.sla.timers.TimerStores;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Answers queries from the Kafka Streams state stores, wherever they are: interactive queries find
 * the instance ({@code application.server}) whose active task holds a case's partition; a query for
 * a case held elsewhere is forwarded there, the queue is merged from every instance's local part.
 */
@Service
public class SlaQueryService {

    /** Set on instance-to-instance calls: answer from this instance's own stores only. */
    public static final String LOCAL_ONLY_HEADER = "X-Sla-Local-Only";

    private static final Logger log = LoggerFactory.getLogger(SlaQueryService.class);

    private final InteractiveQueryService queries;
    private final CaseSlaViews views;
    private final Clock clock;
    private final RestClient http;

    public SlaQueryService(InteractiveQueryService queries, CaseSlaViews views, Clock clock, SlaProperties properties) {
        this.queries = queries;
        this.views = views;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.api().forwardTimeout()).build());
        requests.setReadTimeout(properties.api().forwardTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** @param authorization the caller's {@code Authorization} header, passed on when the case is held elsewhere */
    public CaseSlaView findCase(String caseNumber, boolean localOnly, String authorization) {
        HostInfo self = queries.getCurrentHostInfo();
        if (!localOnly && self != null) {
            HostInfo owner = ownerOf(caseNumber);
            if (!owner.equals(self)) {
                return remoteCase(owner, caseNumber, authorization);
            }
        }
        CaseSla sla = read(() -> localStore().get(caseNumber));
        if (sla == null) {
            throw new CaseNotFoundException(caseNumber);
        }
        return views.caseView(sla, clock.instant(), describe(self));
    }

    /** @param authorization the caller's {@code Authorization} header, passed on to the other instances */
    public QueueView queue(boolean localOnly, String authorization) {
        Instant now = clock.instant();
        List<QueueEntryView> entries = new ArrayList<>(localQueue(now));
        List<String> unavailable = new ArrayList<>();
        HostInfo self = queries.getCurrentHostInfo();
        if (!localOnly && self != null) {
            for (HostInfo other : otherInstances(self)) {
                try {
                    QueueView part = http.get()
                            .uri("http://{host}:{port}/api/v1/sla/queue", other.host(), other.port())
                            .header(LOCAL_ONLY_HEADER, "true")
                            .header(HttpHeaders.AUTHORIZATION, authorization)
                            .retrieve()
                            .body(QueueView.class);
                    if (part == null || !part.complete()) {
                        unavailable.add(describe(other));
                    }
                    if (part != null) {
                        entries.addAll(part.cases());
                    }
                } catch (RestClientException e) {
                    log.warn("Instance {} did not answer for its part of the queue: {}", describe(other), e.getMessage());
                    unavailable.add(describe(other));
                }
            }
        }
        entries.sort(QueueEntryView.QUEUE_ORDER);
        List<QueueEntryView> ordered = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            ordered.add(entries.get(i).at(i + 1));
        }
        return new QueueView(now, unavailable.isEmpty(), unavailable, ordered);
    }

    private List<QueueEntryView> localQueue(Instant now) {
        return read(() -> {
            List<QueueEntryView> open = new ArrayList<>();
            try (KeyValueIterator<String, CaseSla> all = localStore().all()) {
                while (all.hasNext()) {
                    KeyValue<String, CaseSla> entry = all.next();
                    if (entry.value.resolvedAt() == null) {
                        open.add(views.queueEntry(entry.value, now));
                    }
                }
            }
            return open;
        });
    }

    private HostInfo ownerOf(String caseNumber) {
        KeyQueryMetadata metadata = queries.getKeyQueryMetadata(TimerStores.CASES, caseNumber, new StringSerializer());
        if (metadata == null || metadata.activeHost() == null || metadata.activeHost().equals(HostInfo.unavailable())) {
            throw new SlaStateUnavailableException("The SLA state is not available yet (the service is starting or rebalancing)");
        }
        return metadata.activeHost();
    }

    private CaseSlaView remoteCase(HostInfo owner, String caseNumber, String authorization) {
        try {
            return http.get()
                    .uri("http://{host}:{port}/api/v1/sla/cases/{caseNumber}", owner.host(), owner.port(), caseNumber)
                    .header(LOCAL_ONLY_HEADER, "true")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .retrieve()
                    .body(CaseSlaView.class);
        } catch (HttpClientErrorException.NotFound e) {
            throw new CaseNotFoundException(caseNumber);
        } catch (RestClientException e) {
            throw new SlaStateUnavailableException("Instance " + describe(owner) + " holding case " + caseNumber
                    + " did not answer: " + e.getMessage(), e);
        }
    }

    private Set<HostInfo> otherInstances(HostInfo self) {
        Set<HostInfo> hosts = new LinkedHashSet<>(queries.getAllHostsInfo(TimerStores.CASES));
        hosts.remove(self);
        hosts.remove(HostInfo.unavailable());
        return hosts;
    }

    private ReadOnlyKeyValueStore<String, CaseSla> localStore() {
        return queries.getQueryableStore(TimerStores.CASES, QueryableStoreTypes.keyValueStore());
    }

    private static <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new SlaStateUnavailableException("The SLA state store is not queryable right now (starting or rebalancing)", e);
        }
    }

    private static String describe(HostInfo host) {
        return host == null ? "local" : host.host() + ":" + host.port();
    }
}
