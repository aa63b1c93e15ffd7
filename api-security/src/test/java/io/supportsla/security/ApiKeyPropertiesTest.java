package io.supportsla.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** A wrong key configuration stops start-up with a message naming the property. */
class ApiKeyPropertiesTest {

    private static final String HASH = ApiKeyHashes.sha256Hex("some-key");

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void bindsKeysByName() {
        runner.withPropertyValues(
                        "supportsla.security.api-keys.acme-helpdesk.key-sha256=" + HASH,
                        "supportsla.security.api-keys.acme-helpdesk.organisation=acme",
                        "supportsla.security.api-keys.acme-helpdesk.role=HELPDESK")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ApiKeyRegistry registry = new ApiKeyRegistry(context.getBean(ApiKeyProperties.class));
                    assertThat(registry.authenticate("some-key")).contains(new Caller("acme-helpdesk", "acme", Role.HELPDESK));
                });
    }

    @Test
    void noKeysIsValidAndRefusesEverything() {
        runner.run(context -> assertThat(context.getBean(ApiKeyProperties.class).apiKeys()).isEmpty());
    }

    @Test
    void aHashThatIsNotSha256FailsNamingTheKey() {
        runner.withPropertyValues(
                        "supportsla.security.api-keys.acme-helpdesk.key-sha256=plaintext-key",
                        "supportsla.security.api-keys.acme-helpdesk.organisation=acme",
                        "supportsla.security.api-keys.acme-helpdesk.role=HELPDESK")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("supportsla.security")
                        .hasMessageContaining("apiKeys[acme-helpdesk].keySha256")
                        .hasMessageContaining("must be the 64 hex digits of the key's SHA-256"));
    }

    @Test
    void anUnknownRoleFailsNamingTheKey() {
        runner.withPropertyValues(
                        "supportsla.security.api-keys.acme-helpdesk.key-sha256=" + HASH,
                        "supportsla.security.api-keys.acme-helpdesk.organisation=acme",
                        "supportsla.security.api-keys.acme-helpdesk.role=ADMIN")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("supportsla.security.api-keys.acme-helpdesk.role"));
    }

    @Test
    void aMissingOrganisationFailsNamingTheKey() {
        runner.withPropertyValues(
                        "supportsla.security.api-keys.acme-helpdesk.key-sha256=" + HASH,
                        "supportsla.security.api-keys.acme-helpdesk.role=HELPDESK")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("apiKeys[acme-helpdesk].organisation")
                        .hasMessageContaining("must not be blank"));
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(ApiKeyProperties.class)
    static class PropertiesOnly {
    }
}
