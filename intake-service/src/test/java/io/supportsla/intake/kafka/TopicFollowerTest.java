package io.supportsla.intake.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.supportsla.serde.registry.SchemaRegistryException;
import io.supportsla.serde.registry.SchemaRegistryUnreachableException;

/** Which decoding failures the case view waits out rather than skipping the record for good. */
class TopicFollowerTest {

    @Test
    void anUnreachableOrFailingRegistryIsWaitedOut() {
        assertThat(TopicFollower.isTransient(new SchemaRegistryUnreachableException("down",
                List.of(URI.create("http://localhost:8081")), 3, null))).isTrue();
        assertThat(TopicFollower.isTransient(new SchemaRegistryException("Error in the backend data store", 500, 50001)))
                .isTrue();
    }

    @Test
    void aRecordThatCanNeverBeDecodedIsSkipped() {
        assertThat(TopicFollower.isTransient(new SchemaRegistryException("Schema 99 not found", 404, 40403))).isFalse();
        assertThat(TopicFollower.isTransient(new SerializationException("not Avro"))).isFalse();
    }
}
