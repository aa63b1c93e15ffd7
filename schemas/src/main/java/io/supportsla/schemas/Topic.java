package io.supportsla.schemas;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Avro topic of the contract: its name, the generated class of its values and their schema.
 * Keys are always the case number as a UTF-8 string.
 */
public record Topic<V extends SpecificRecord>(String name, Class<V> valueType, Schema valueSchema) {

    /** The schema registry subject of the values (Confluent's TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }

    /** Where records that cannot be processed go, with the reason in headers. */
    public String deadLetterTopic() {
        return Topics.deadLetterTopic(name);
    }
}
