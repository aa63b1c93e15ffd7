package io.supportsla.notification.pager;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A PagerDuty Events API v2 event, the body of {@code POST /v2/enqueue}. Acknowledge and resolve
 * events carry only the routing key, the action and the dedup key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"routing_key", "event_action", "dedup_key", "payload", "links", "client", "client_url"})
public record PagerEvent(
        @JsonProperty("routing_key") String routingKey,
        @JsonProperty("event_action") String eventAction,
        @JsonProperty("dedup_key") String dedupKey,
        @JsonProperty("payload") Payload payload,
        @JsonProperty("links") List<Link> links,
        @JsonProperty("client") String client) {

    /**
     * @param summary   at most 1024 characters
     * @param severity  critical, error, warning or info
     * @param timestamp ISO 8601 time of the cause
     * @param component the case, e.g. "case C-1042"
     * @param group     the case's region
     * @param eventClass the notification trigger
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"summary", "source", "severity", "timestamp", "component", "group", "class", "custom_details"})
    public record Payload(
            @JsonProperty("summary") String summary,
            @JsonProperty("source") String source,
            @JsonProperty("severity") String severity,
            @JsonProperty("timestamp") String timestamp,
            @JsonProperty("component") String component,
            @JsonProperty("group") String group,
            @JsonProperty("class") String eventClass,
            @JsonProperty("custom_details") Map<String, String> customDetails) {
    }

    public record Link(@JsonProperty("href") String href, @JsonProperty("text") String text) {
    }
}
