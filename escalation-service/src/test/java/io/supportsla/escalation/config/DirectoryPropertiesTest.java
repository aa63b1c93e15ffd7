package io.supportsla.escalation.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.escalation.directory.Contact;
import io.supportsla.escalation.directory.EscalationDirectory;
import io.supportsla.schemas.common.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory as configuration: the shipped defaults mirror the guide; a bad entry stops start-up naming it. */
class DirectoryPropertiesTest {

    private static final String P = "supportsla.escalation.directory.";

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DirectoryProperties.class)
    static class DirectoryOnly {

        @Bean
        EscalationDirectory escalationDirectory(DirectoryProperties properties) {
            return properties.toDirectory();
        }
    }

    private final ApplicationContextRunner shipped = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(DirectoryOnly.class);

    private final ApplicationContextRunner bare = new ApplicationContextRunner().withUserConfiguration(DirectoryOnly.class);

    @Test
    void theShippedDirectoryMirrorsTheProcessGuidesTable() {
        shipped.run(context -> {
            EscalationDirectory directory = context.getBean(EscalationDirectory.class);
            assertThat(directory.coverFor(Region.EMEA).contact().id()).isEqualTo("london-contact");
            assertThat(directory.coverFor(Region.EMEA).backup().id()).isEqualTo("london-backup");
            assertThat(directory.coverFor(Region.AMER).contact().id()).isEqualTo("redwood-shores-contact");
            assertThat(directory.coverFor(Region.AMER).backup().id()).isEqualTo("london-contact");
            assertThat(directory.coverFor(Region.APAC).office()).isEqualTo("Sydney");
            assertThat(directory.coverFor(Region.APAC).contact().id()).isEqualTo("london-contact");
            assertThat(directory.director().id()).isEqualTo("director");
            assertThat(directory.hotlineOnCall().id()).isEqualTo("hotline-on-call");
        });
    }

    @Test
    void theShippedAddressesAreExamplesOnly() {
        shipped.run(context -> {
            EscalationDirectory directory = context.getBean(EscalationDirectory.class);
            List<Contact> everyone = Stream.of(Region.values())
                    .flatMap(region -> Stream.of(directory.coverFor(region).contact(), directory.coverFor(region).backup()))
                    .toList();
            assertThat(Stream.concat(everyone.stream(), Stream.of(directory.director(), directory.hotlineOnCall())))
                    .allSatisfy(contact -> {
                        assertThat(contact.email()).matches(".+@example\\.(com|org)");
                        assertThat(contact.pagerRoutingKey()).startsWith("example").hasSize(32);
                    });
        });
    }

    @Test
    void aMissingRegionStopsStartUpNamingIt() {
        List<String> properties = valid();
        properties.removeIf(property -> property.startsWith(P + "regions.APAC."));

        bare.withPropertyValues(properties.toArray(String[]::new)).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining(P + "regions.APAC is missing"));
    }

    @Test
    void aBackupNamingSomeoneUnknownStopsStartUpNamingTheEntry() {
        List<String> properties = valid();
        properties.add(P + "regions.AMER.backup=nobody");

        bare.withPropertyValues(properties.toArray(String[]::new)).run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining(P + "regions.AMER.backup names 'nobody'"));
    }

    @Test
    void aMalformedEmailStopsStartUpNamingTheEntry() {
        List<String> properties = valid();
        properties.add(P + "people.london-backup.email=not-an-address");

        bare.withPropertyValues(properties.toArray(String[]::new)).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("people[london-backup].email")
                        .hasStackTraceContaining("well-formed email address"));
    }

    @Test
    void aMalformedPagerRoutingKeyStopsStartUpNamingTheEntry() {
        List<String> properties = valid();
        properties.add(P + "people.director.pager-routing-key=short");

        bare.withPropertyValues(properties.toArray(String[]::new)).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("people[director].pagerRoutingKey")
                        .hasStackTraceContaining("32-character pager routing key"));
    }

    @Test
    void aBackupWhoIsTheContactStopsStartUp() {
        List<String> properties = valid();
        properties.add(P + "regions.EMEA.backup=london-contact");

        bare.withPropertyValues(properties.toArray(String[]::new)).run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining(P + "regions.EMEA.backup is the contact"));
    }

    private static List<String> valid() {
        List<String> properties = new ArrayList<>();
        person(properties, "london-contact", "EMEA");
        person(properties, "london-backup", "EMEA");
        person(properties, "redwood-shores-contact", "AMER");
        person(properties, "director", null);
        person(properties, "hotline-on-call", null);
        region(properties, "EMEA", "London", "london-contact", "london-backup");
        region(properties, "AMER", "Redwood Shores", "redwood-shores-contact", "london-contact");
        region(properties, "APAC", "Sydney", "london-contact", "london-backup");
        properties.add(P + "director=director");
        properties.add(P + "hotline-on-call=hotline-on-call");
        return properties;
    }

    private static void person(List<String> properties, String key, String office) {
        properties.add(P + "people." + key + ".name=" + key);
        properties.add(P + "people." + key + ".email=" + key + "@example.com");
        properties.add(P + "people." + key + ".pager-routing-key=" + (key.replace("-", "") + "0".repeat(32)).substring(0, 32));
        if (office != null) {
            properties.add(P + "people." + key + ".office=" + office);
        }
    }

    private static void region(List<String> properties, String region, String name, String contact, String backup) {
        properties.add(P + "regions." + region + ".name=" + name);
        properties.add(P + "regions." + region + ".contact=" + contact);
        properties.add(P + "regions." + region + ".backup=" + backup);
    }
}
