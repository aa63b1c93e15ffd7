package io.supportsla.serde.testing;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A hand-written stand-in for an Avro-generated class (what avro-maven-plugin would produce for
 * the schema below), so the serde's unit tests do not depend on the schemas module. Its package
 * is not in org.apache.avro.SERIALIZABLE_PACKAGES: tests that read it trust it through
 * {@link TrustedAvroClasses}.
 */
public class Greeting extends SpecificRecordBase {

    public static final Schema SCHEMA$ = new Schema.Parser().parse("""
            {"type": "record", "name": "Greeting", "namespace": "io.supportsla.serde.testing",
             "fields": [
               {"name": "text", "type": {"type": "string", "avro.java.string": "String"}},
               {"name": "count", "type": "int"}
             ]}
            """);

    private String text;
    private int count;

    /** Avro instantiates generated classes through their no-argument constructor. */
    public Greeting() {}

    public Greeting(String text, int count) {
        this.text = text;
        this.count = count;
    }

    public static Schema getClassSchema() {
        return SCHEMA$;
    }

    public String text() {
        return text;
    }

    public int count() {
        return count;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        return switch (field) {
            case 0 -> text;
            case 1 -> count;
            default -> throw new IndexOutOfBoundsException("no field " + field);
        };
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0 -> text = value == null ? null : value.toString();
            case 1 -> count = (Integer) value;
            default -> throw new IndexOutOfBoundsException("no field " + field);
        }
    }
}
