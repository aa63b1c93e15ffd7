package io.supportsla.intake.security;

import io.supportsla.intake.customers.CustomerDirectory;
import io.supportsla.security.ApiKeyRegistry;
import io.supportsla.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Start-up check that every API key belongs to an organisation intake knows in its role: a
 * helpdesk to a customer or partner, an end user to a customer, consultants and the answering
 * service to the support organisation. A key for an unknown organisation could never act, so it
 * is a configuration mistake: start-up stops naming the key.
 */
@Component
class ApiKeyDirectoryCheck implements InitializingBean {

    private final ApiKeyRegistry keys;
    private final CustomerDirectory directory;

    ApiKeyDirectoryCheck(ApiKeyRegistry keys, CustomerDirectory directory) {
        this.keys = keys;
        this.directory = directory;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Caller> key : keys.callers().entrySet()) {
            Caller caller = key.getValue();
            String organisation = caller.organisation();
            String where = "supportsla.security.api-keys." + key.getKey() + ".organisation";
            switch (caller.role()) {
                case HELPDESK -> {
                    if (!directory.isCustomer(organisation) && !directory.isPartner(organisation)) {
                        problems.add(where + ": '" + organisation + "' is neither a customer nor a partner in intake.directory");
                    }
                }
                case END_USER -> {
                    if (!directory.isCustomer(organisation)) {
                        problems.add(where + ": '" + organisation + "' is not a customer in intake.directory.customers");
                    }
                }
                case CONSULTANT, ANSWERING_SERVICE -> {
                    if (!organisation.equals(directory.supportOrganisation())) {
                        problems.add(where + ": a " + caller.role() + " belongs to the support organisation '"
                                + directory.supportOrganisation() + "' (intake.directory.support-organisation), not '" + organisation + "'");
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("API keys that could never act: " + String.join("; ", problems));
        }
    }
}
