package io.supportsla.intake.customers;

import java.util.Map;
import java.util.Optional;

/** The customers and partners intake knows, by organisation id. */
public final class CustomerDirectory {

    private final Map<String, CustomerProfile> customers;
    private final Map<String, Partner> partners;
    private final String supportOrganisation;

    public CustomerDirectory(Map<String, CustomerProfile> customers, Map<String, Partner> partners, String supportOrganisation) {
        this.customers = Map.copyOf(customers);
        this.partners = Map.copyOf(partners);
        this.supportOrganisation = supportOrganisation;
    }

    public Optional<CustomerProfile> customer(String id) {
        return Optional.ofNullable(id).map(customers::get);
    }

    public Optional<Partner> partner(String id) {
        return Optional.ofNullable(id).map(partners::get);
    }

    public boolean isCustomer(String organisation) {
        return customers.containsKey(organisation);
    }

    public boolean isPartner(String organisation) {
        return partners.containsKey(organisation);
    }

    /** The organisation of support staff (consultants, the answering service). */
    public String supportOrganisation() {
        return supportOrganisation;
    }
}
