package io.supportsla.intake.cases;

/** How a request reached intake: the HTTP API or the portal's Kafka topic. */
public enum Transport {
    HTTP,
    KAFKA
}
