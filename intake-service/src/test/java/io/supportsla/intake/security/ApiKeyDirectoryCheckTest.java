package io.supportsla.intake.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.intake.customers.CustomerDirectory;
import io.supportsla.intake.customers.CustomerProfile;
import io.supportsla.intake.customers.Partner;
import io.supportsla.schemas.common.Region;
import io.supportsla.security.ApiKeyHashes;
import io.supportsla.security.ApiKeyProperties;
import io.supportsla.security.ApiKeyRegistry;
import io.supportsla.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An API key for an organisation intake does not know in that role could never act: start-up stops, naming it. */
class ApiKeyDirectoryCheckTest {

    private static final CustomerDirectory DIRECTORY = new CustomerDirectory(
            Map.of("acme", new CustomerProfile("acme", "Acme", Region.EMEA, Optional.empty(), true, Duration.ofHours(1))),
            Map.of("northwind", new Partner("northwind", "Northwind", Optional.empty())), "supportsla");

    @Test
    void keysOfKnownOrganisationsInTheirRolesPass() {
        assertThatCode(() -> check(Map.of(
                "acme-helpdesk", key("acme", Role.HELPDESK),
                "northwind-helpdesk", key("northwind", Role.HELPDESK),
                "acme-user", key("acme", Role.END_USER),
                "jane", key("supportsla", Role.CONSULTANT),
                "operator", key("supportsla", Role.ANSWERING_SERVICE)))).doesNotThrowAnyException();
    }

    @Test
    void aHelpdeskOfAnUnknownOrganisationStopsStartUp() {
        assertThatThrownBy(() -> check(Map.of("umbrella-helpdesk", key("umbrella", Role.HELPDESK))))
                .hasMessageContaining("supportsla.security.api-keys.umbrella-helpdesk.organisation: 'umbrella' is neither a customer nor a partner");
    }

    @Test
    void anEndUserOfAPartnerOrAConsultantOutsideSupportStopsStartUp() {
        assertThatThrownBy(() -> check(Map.of("n-user", key("northwind", Role.END_USER))))
                .hasMessageContaining("api-keys.n-user.organisation: 'northwind' is not a customer");
        assertThatThrownBy(() -> check(Map.of("rogue", key("acme", Role.CONSULTANT))))
                .hasMessageContaining("api-keys.rogue.organisation: a CONSULTANT belongs to the support organisation 'supportsla'");
    }

    private static void check(Map<String, ApiKeyProperties.ApiKey> keys) {
        new ApiKeyDirectoryCheck(new ApiKeyRegistry(new ApiKeyProperties("test", List.of("/api/**"), keys)), DIRECTORY).afterPropertiesSet();
    }

    private static ApiKeyProperties.ApiKey key(String organisation, Role role) {
        return new ApiKeyProperties.ApiKey(ApiKeyHashes.sha256Hex(organisation + role), organisation, role);
    }
}
