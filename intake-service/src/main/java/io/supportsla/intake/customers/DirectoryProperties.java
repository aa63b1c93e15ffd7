package io.supportsla.intake.customers;

import io.supportsla.schemas.common.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The customer directory under {@code intake.directory}: partners and customers by organisation
 * id. A wrong value (unknown region, a partner that is not configured, an interval out of range)
 * stops start-up with a message naming the key.
 *
 * @param supportOrganisation the organisation id of support staff's API keys
 * @param partners partners by organisation id
 * @param customers customers by organisation id
 */
@Validated
@ConfigurationProperties("intake.directory")
public record DirectoryProperties(
        @NotBlank @DefaultValue("supportsla") String supportOrganisation,
        @Valid Map<@Pattern(regexp = ORGANISATION_ID, message = ORGANISATION_ID_MESSAGE) String, @Valid @NotNull PartnerSettings> partners,
        @Valid Map<@Pattern(regexp = ORGANISATION_ID, message = ORGANISATION_ID_MESSAGE) String, @Valid @NotNull CustomerSettings> customers) {

    static final String ORGANISATION_ID = "[a-z0-9][a-z0-9._-]{0,99}";
    static final String ORGANISATION_ID_MESSAGE = "must be a lower-case id of letters, digits, '.', '_' or '-'";

    public DirectoryProperties {
        partners = partners == null ? Map.of() : new LinkedHashMap<>(partners);
        customers = customers == null ? Map.of() : new LinkedHashMap<>(customers);
        for (Map.Entry<String, CustomerSettings> customer : customers.entrySet()) {
            String partner = customer.getValue() == null ? null : customer.getValue().partner();
            if (partner != null && !partners.containsKey(partner)) {
                throw new IllegalArgumentException("intake.directory.customers." + customer.getKey() + ".partner: '" + partner
                        + "' is not a configured partner (intake.directory.partners: " + partners.keySet() + ")");
            }
            if (partners.containsKey(customer.getKey())) {
                throw new IllegalArgumentException("intake.directory.customers." + customer.getKey()
                        + ": the id is also a partner's; an organisation is either a customer or a partner");
            }
        }
    }

    /** The directory these settings describe. */
    public CustomerDirectory toDirectory() {
        Map<String, Partner> partnersById = new LinkedHashMap<>();
        partners.forEach((id, settings) -> partnersById.put(id,
                new Partner(id, settings.name(), Optional.ofNullable(settings.contact()).filter(contact -> !contact.isBlank()))));
        Map<String, CustomerProfile> customersById = new LinkedHashMap<>();
        customers.forEach((id, settings) -> customersById.put(id, new CustomerProfile(id, settings.name(), settings.region(),
                Optional.ofNullable(settings.partner()).map(partnersById::get),
                settings.directEndUserSupport(), settings.statusUpdateInterval())));
        return new CustomerDirectory(customersById, partnersById, supportOrganisation);
    }

    /**
     * @param name display name, used in refusals
     * @param contact how the partner's helpdesk is reached, named in refusals
     */
    public record PartnerSettings(@NotBlank String name, String contact) {
    }

    /**
     * @param name display name
     * @param region EMEA, AMER or APAC: the holiday calendar of its cases
     * @param partner the id of the partner serving it; none for a direct customer
     * @param directEndUserSupport whether its end users may open cases directly
     * @param statusUpdateInterval the agreed interval between status updates on Severity 1 cases
     */
    public record CustomerSettings(
            @NotBlank String name,
            @NotNull Region region,
            @Pattern(regexp = ORGANISATION_ID, message = ORGANISATION_ID_MESSAGE) String partner,
            @DefaultValue("false") boolean directEndUserSupport,
            @NotNull @DurationMin(minutes = 5) @DurationMax(hours = 24) @DefaultValue("60m") Duration statusUpdateInterval) {
    }
}
