package io.supportsla.registry.api;

import static io.supportsla.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.registry.EmbeddedSchemaRegistry;
import io.supportsla.registry.RegistryHttp;
import io.supportsla.registry.RegistryHttp.Reply;
import io.supportsla.registry.Schemas;
import io.supportsla.testing.kafka.KafkaBroker;
import io.supportsla.testing.kafka.WithKafkaBroker;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The REST API as Confluent's clients use it, against a registry on a real broker. Every test uses
 * subjects of its own; none changes the global level, so the default BACKWARD applies throughout.
 */
@WithKafkaBroker
class SchemaRegistryApiIT {

    static EmbeddedSchemaRegistry registry;
    static RegistryHttp http;

    @BeforeAll
    static void startRegistry(KafkaBroker broker) {
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0,
                Map.of("schema-registry.kafkastore.topic", "_schemas-" + UUID.randomUUID()));
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Nested
    class Registering {

        @Test
        void theSameSchemaTwiceGetsTheSameIdAndNoNewVersion() {
            String subject = newSubject();

            Reply first = http.register(subject, Schemas.CUSTOMER);
            Reply second = http.register(subject, Schemas.CUSTOMER);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().propertyNames()).containsExactly("id");
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
        }

        @Test
        void theSameSchemaInTwoSubjectsGetsTheSameId() {
            String orders = newSubject();
            String invoices = newSubject();

            int inOrders = http.register(orders, Schemas.CUSTOMER_WITH_OPTIONAL_NAME).id();
            int inInvoices = http.register(invoices, Schemas.CUSTOMER_WITH_OPTIONAL_NAME).id();

            assertThat(inInvoices).isEqualTo(inOrders);
        }

        @Test
        void differentSchemasGetDifferentIdsAndConsecutiveVersions() {
            String subject = newSubject();

            int v1 = http.register(subject, Schemas.CUSTOMER).id();
            int v2 = http.register(subject, Schemas.CUSTOMER_WITH_OPTIONAL_NAME).id();

            assertThat(v2).isNotEqualTo(v1);
            assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1,2]");
        }

        @Test
        void anIncompatibleChangeIsRefusedWith409AndNotStored() {
            String subject = newSubject();
            http.register(subject, Schemas.CUSTOMER);

            Reply refused = http.register(subject, Schemas.CUSTOMER_WITH_REQUIRED_EMAIL);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorCode()).isEqualTo(409);
            assertThat(refused.json().get("message").asString())
                    .startsWith("Schema being registered is incompatible with an earlier schema for subject \""
                            + subject + "\", details: [")
                    .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "email");
            assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
            assertThat(http.post("/subjects/" + subject, schemaBody(Schemas.CUSTOMER_WITH_REQUIRED_EMAIL)).errorCode())
                    .isEqualTo(40403);
        }

        @Test
        void anInvalidSchemaIsRefusedWith42201() {
            Reply refused = http.register(newSubject(), "{\"type\": \"record\", \"name\": \"Broken\"}");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo(42201);
        }

        @Test
        void schemaTypesOtherThanAvroAreRefusedWith42201() {
            Reply refused = http.post("/subjects/" + newSubject() + "/versions",
                    "{\"schema\": \"syntax = \\\"proto3\\\";\", \"schemaType\": \"PROTOBUF\"}");

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo(42201);
            assertThat(http.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
        }

        @Test
        void anExplicitAvroTypeAndEmptyReferencesAreAccepted() {
            Reply registered = http.post("/subjects/" + newSubject() + "/versions",
                    "{\"schema\": \"\\\"string\\\"\", \"schemaType\": \"AVRO\", \"references\": []}");

            assertThat(registered.status()).isEqualTo(200);
        }

        @Test
        void bodiesAreAcceptedInEveryContentTypeConfluentClientsSend() {
            String subject = newSubject();
            for (String contentType : new String[] {
                    "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                    "application/json", "application/octet-stream"}) {
                Reply reply = http.post("/subjects/" + subject + "/versions", schemaBody(Schemas.CUSTOMER), contentType);
                assertThat(reply.status()).as(contentType).isEqualTo(200);
            }
        }

        @Test
        void aMalformedBodyGetsAConfluentShapedError() {
            Reply notJson = http.post("/subjects/" + newSubject() + "/versions", "{\"schema\": ");
            Reply wrongShape = http.post("/subjects/" + newSubject() + "/versions", "{\"schema\": {\"type\": \"int\"}}");

            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.errorCode()).isEqualTo(400);
            assertThat(wrongShape.status()).isEqualTo(422);
            assertThat(wrongShape.errorCode()).isEqualTo(422);
        }

        @Test
        void unknownQueryParametersAreIgnored() {
            String subject = newSubject();

            Reply registered = http.post("/subjects/" + subject + "/versions?normalize=false&whatever=1",
                    schemaBody(Schemas.CUSTOMER));
            Reply fetched = http.get("/schemas/ids/" + registered.id() + "?fetchMaxId=false&subject=" + subject);

            assertThat(registered.status()).isEqualTo(200);
            assertThat(fetched.status()).isEqualTo(200);
        }
    }

    @Nested
    class Reading {

        @Test
        void aSchemaIsFetchedByIdInItsNormalizedForm() {
            int id = http.register(newSubject(), Schemas.CUSTOMER).id();

            Reply fetched = http.get("/schemas/ids/" + id);

            assertThat(fetched.json().propertyNames()).containsExactly("schema");
            assertThat(fetched.json().get("schema").asString())
                    .isEqualTo(new Schema.Parser().parse(Schemas.CUSTOMER).toString());
        }

        @Test
        void anUnknownIdIs40403() {
            Reply missing = http.get("/schemas/ids/999999");

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorCode()).isEqualTo(40403);
        }

        @Test
        void anUnknownSubjectIs40401() {
            String subject = newSubject();

            for (Reply missing : new Reply[] {
                    http.get("/subjects/" + subject + "/versions"),
                    http.get("/subjects/" + subject + "/versions/latest"),
                    http.post("/subjects/" + subject, schemaBody(Schemas.CUSTOMER))}) {
                assertThat(missing.status()).isEqualTo(404);
                assertThat(missing.errorCode()).isEqualTo(40401);
                assertThat(missing.json().get("message").asString()).isEqualTo("Subject '" + subject + "' not found.");
            }
        }

        @Test
        void aVersionIsFetchedByNumberOrAsLatestOrMinusOne() {
            String subject = newSubject();
            int v1 = http.register(subject, Schemas.CUSTOMER).id();
            int v2 = http.register(subject, Schemas.CUSTOMER_WITH_OPTIONAL_NAME).id();

            Reply first = http.get("/subjects/" + subject + "/versions/1");
            Reply latest = http.get("/subjects/" + subject + "/versions/latest");
            Reply minusOne = http.get("/subjects/" + subject + "/versions/-1");

            assertThat(first.json().propertyNames()).containsExactly("subject", "version", "id", "schema");
            assertThat(first.json().get("id").asInt()).isEqualTo(v1);
            assertThat(first.json().get("subject").asString()).isEqualTo(subject);
            assertThat(latest.json().get("version").asInt()).isEqualTo(2);
            assertThat(latest.json().get("id").asInt()).isEqualTo(v2);
            assertThat(minusOne.body()).isEqualTo(latest.body());
        }

        @Test
        void aMissingVersionIs40402AndAnInvalidOne42202() {
            String subject = newSubject();
            http.register(subject, Schemas.CUSTOMER);

            Reply missing = http.get("/subjects/" + subject + "/versions/7");
            Reply invalid = http.get("/subjects/" + subject + "/versions/first");

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorCode()).isEqualTo(40402);
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.errorCode()).isEqualTo(42202);
        }

        @Test
        void theRawSchemaOfAVersionIsTheSchemaItself() {
            String subject = newSubject();
            http.register(subject, Schemas.CUSTOMER);

            Reply raw = http.get("/subjects/" + subject + "/versions/1/schema");

            assertThat(raw.json().get("name").asString()).isEqualTo("Customer");
            assertThat(raw.body()).isEqualTo(new Schema.Parser().parse(Schemas.CUSTOMER).toString());
        }

        @Test
        void lookingUpASchemaFindsItsVersionInTheSubject() {
            String subject = newSubject();
            http.register(subject, Schemas.CUSTOMER);
            int id = http.register(subject, Schemas.CUSTOMER_WITH_OPTIONAL_NAME).id();

            Reply found = http.post("/subjects/" + subject, schemaBody(Schemas.CUSTOMER_WITH_OPTIONAL_NAME));

            assertThat(found.json().get("version").asInt()).isEqualTo(2);
            assertThat(found.json().get("id").asInt()).isEqualTo(id);
            assertThat(found.json().get("subject").asString()).isEqualTo(subject);
            assertThat(found.json().has("schema")).isTrue();
        }

        @Test
        void subjectsAndTheVersionsOfAnIdAreListed() {
            String orders = newSubject();
            String invoices = newSubject();
            int id = http.register(orders, Schemas.CUSTOMER).id();
            http.register(invoices, Schemas.CUSTOMER);

            assertThat(http.get("/subjects").json().valueStream().map(node -> node.asString()))
                    .contains(orders, invoices);
            assertThat(http.get("/schemas/ids/" + id + "/subjects").json().valueStream().map(node -> node.asString()))
                    .contains(orders, invoices);
        }

        @Test
        void responsesAreSchemaRegistryJson() {
            Reply root = http.get("/");
            Reply subjects = http.get("/subjects");
            Reply error = http.get("/schemas/ids/999999");

            assertThat(root.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
            assertThat(root.body()).isEqualTo("{}");
            assertThat(subjects.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
            assertThat(error.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
        }

        @Test
        void anUnknownPathIsAConfluentShaped404() {
            Reply unknown = http.get("/no/such/thing");

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorCode()).isEqualTo(404);
        }
    }

    @Nested
    class CompatibilityLevels {

        @Test
        void aSubjectSetToNoneAcceptsWhatTheGlobalBackwardRefuses() {
            String subject = newSubject();
            http.register(subject, Schemas.CUSTOMER);

            Reply set = http.setLevel(subject, "NONE");
            Reply registered = http.register(subject, Schemas.CUSTOMER_WITH_REQUIRED_EMAIL);

            assertThat(set.body()).isEqualTo("{\"compatibility\":\"NONE\"}");
            assertThat(registered.status()).isEqualTo(200);
            assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1,2]");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        }

        @Test
        void aSubjectSetToForwardRefusesAChangeBackwardAccepts() {
            String forward = newSubject();
            String backward = newSubject();
            for (String subject : new String[] {forward, backward}) {
                http.register(subject, Schemas.CUSTOMER_WITH_REQUIRED_EMAIL);
            }
            http.setLevel(forward, "FORWARD");

            Reply refused = http.register(forward, Schemas.CUSTOMER_WITHOUT_EMAIL);
            Reply accepted = http.register(backward, Schemas.CUSTOMER_WITHOUT_EMAIL);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(accepted.status()).isEqualTo(200);
        }

        @Test
        void aSubjectsOwnLevelIsReadBackAndOtherwise40408UnlessDefaultingToGlobal() {
            String configured = newSubject();
            String unconfigured = newSubject();
            http.setLevel(configured, "full_transitive");

            assertThat(http.get("/config/" + configured).body()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
            Reply missing = http.get("/config/" + unconfigured);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.errorCode()).isEqualTo(40408);
            assertThat(http.get("/config/" + unconfigured + "?defaultToGlobal=true").body())
                    .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        }

        @Test
        void anInvalidLevelIsRefusedWith42203() {
            String subject = newSubject();

            Reply unknown = http.setLevel(subject, "SIDEWAYS");
            Reply missing = http.put("/config/" + subject, "{}");
            Reply global = http.put("/config", "{\"compatibility\": \"SIDEWAYS\"}");

            for (Reply refused : new Reply[] {unknown, missing, global}) {
                assertThat(refused.status()).isEqualTo(422);
                assertThat(refused.errorCode()).isEqualTo(42203);
            }
            assertThat(http.get("/config/" + subject).errorCode()).isEqualTo(40408);
        }
    }

    @Nested
    class CheckingCompatibility {

        @Test
        void aCompatibleSchemaIsReportedCompatibleAndNothingIsRegistered() {
            String subject = newSubject();
            http.register(subject, Schemas.CUSTOMER);

            Reply check = http.post("/compatibility/subjects/" + subject + "/versions/latest",
                    schemaBody(Schemas.CUSTOMER_WITH_OPTIONAL_NAME));

            assertThat(check.body()).isEqualTo("{\"is_compatible\":true}");
            assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
        }

        @Test
        void verboseSaysWhyASchemaIsIncompatible() {
            String subject = newSubject();
            http.register(subject, Schemas.CUSTOMER);

            Reply check = http.post("/compatibility/subjects/" + subject + "/versions/1?verbose=true",
                    schemaBody(Schemas.CUSTOMER_WITH_REQUIRED_EMAIL));

            assertThat(check.json().get("is_compatible").asBoolean()).isFalse();
            assertThat(check.json().get("messages").get(0).asString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        }

        @Test
        void latestOfASubjectWithoutVersionsIsCompatibleAsInConfluentsRegistry() {
            Reply check = http.post("/compatibility/subjects/" + newSubject() + "/versions/latest",
                    schemaBody(Schemas.CUSTOMER));

            assertThat(check.body()).isEqualTo("{\"is_compatible\":true}");
        }

        @Test
        void aNumberedVersionThatDoesNotExistIs40402() {
            Reply check = http.post("/compatibility/subjects/" + newSubject() + "/versions/3", schemaBody(Schemas.CUSTOMER));

            assertThat(check.status()).isEqualTo(404);
            assertThat(check.errorCode()).isEqualTo(40402);
        }
    }

    @Nested
    class Operations {

        @Test
        void healthAndReadinessAreUp() {
            assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
            assertThat(http.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        }

        @Test
        void prometheusCountsRegistrationsByOutcome() {
            String subject = newSubject();
            http.register(subject, Schemas.CUSTOMER);
            http.register(subject, Schemas.CUSTOMER_WITH_REQUIRED_EMAIL);

            String metrics = http.get("/actuator/prometheus").body();

            assertThat(metrics).contains("schema_registry_registrations_total{outcome=\"new_version\"")
                    .contains("schema_registry_registrations_total{outcome=\"incompatible\"");
        }
    }

    static String newSubject() {
        return "it-" + UUID.randomUUID() + "-value";
    }
}
