package io.supportsla.escalation.api;

import io.supportsla.escalation.rules.CaseEscalations;
import io.supportsla.escalation.rules.Escalation;
import io.supportsla.escalation.streams.EscalationStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads escalation state with Kafka Streams interactive queries. A case's state lives on the
 * instance that owns its partition: when that is another instance (several share the partitions),
 * the request is forwarded there once, with the caller's own credentials, and its answer returned.
 * While partitions move or state is restored the answer is 503 with Retry-After.
 */
@Component
class EscalationQueries {

    /** Marks a request forwarded by another instance, which is never forwarded again. */
    static final String FORWARDED_HEADER = "X-Escalation-Forwarded";

    private static final Logger log = LoggerFactory.getLogger(EscalationQueries.class);

    private final InteractiveQueryService queries;
    private final RestClient http;

    EscalationQueries(InteractiveQueryService queries) {
        this.queries = queries;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    Optional<EscalationView> escalation(String escalationId, Credentials credentials, boolean forwarded) {
        String caseNumber = Escalation.caseNumberOf(escalationId);
        if (caseNumber.isEmpty()) {
            return Optional.empty();
        }
        HostInfo owner = owner(caseNumber);
        if (owner == null) {
            return readHere(caseNumber).flatMap(state -> state.escalation(escalationId)
                    .map(escalation -> EscalationView.of(caseNumber, escalation)));
        }
        return forward(owner, "/api/v1/escalations/" + escalationId, credentials, forwarded, EscalationView.class);
    }

    Optional<CaseEscalationsView> caseEscalations(String caseNumber, Credentials credentials, boolean forwarded) {
        HostInfo owner = owner(caseNumber);
        if (owner == null) {
            return readHere(caseNumber).map(CaseEscalationsView::of);
        }
        return forward(owner, "/api/v1/cases/" + caseNumber + "/escalations", credentials, forwarded,
                CaseEscalationsView.class);
    }

    /** The instance that owns the case's state, or null when it is this one. */
    private HostInfo owner(String caseNumber) {
        KeyQueryMetadata metadata;
        try {
            metadata = queries.getKeyQueryMetadata(EscalationStores.CASES, caseNumber, Serdes.String().serializer());
        } catch (RuntimeException e) {
            throw ApiProblem.stateUnavailable("The escalation state is not available yet: " + e.getMessage());
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw ApiProblem.stateUnavailable("The escalation state is being assigned to instances; try again shortly");
        }
        HostInfo here = queries.getCurrentHostInfo();
        return here == null || here.equals(metadata.activeHost()) ? null : metadata.activeHost();
    }

    private Optional<CaseEscalations> readHere(String caseNumber) {
        try {
            ReadOnlyKeyValueStore<String, CaseEscalations> store =
                    queries.getQueryableStore(EscalationStores.CASES, QueryableStoreTypes.keyValueStore());
            return Optional.ofNullable(store.get(caseNumber));
        } catch (RuntimeException e) {
            throw ApiProblem.stateUnavailable("The escalation state is being restored; try again shortly");
        }
    }

    private <T> Optional<T> forward(HostInfo owner, String path, Credentials credentials, boolean forwarded, Class<T> type) {
        if (forwarded) {
            throw ApiProblem.stateUnavailable("The escalation state is moving between instances; try again shortly");
        }
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance().scheme("http").host(owner.host()).port(owner.port())
                .path(path);
        if (credentials instanceof Credentials.Link link) {
            uri.queryParam("token", link.tokenText());
        }
        URI target = uri.encode().build().toUri();
        try {
            RestClient.RequestHeadersSpec<?> request = http.get().uri(target).header(FORWARDED_HEADER, "1");
            if (credentials instanceof Credentials.ApiKey key && key.authorizationHeader() != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, key.authorizationHeader());
            }
            return Optional.ofNullable(request.retrieve().body(type));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.empty();
            }
            throw ApiProblem.stateUnavailable("The instance holding the case answered " + e.getStatusCode());
        } catch (RestClientException e) {
            log.warn("Could not reach {} for {}", owner, path, e);
            throw ApiProblem.stateUnavailable("The instance holding the case cannot be reached; try again shortly");
        }
    }
}
