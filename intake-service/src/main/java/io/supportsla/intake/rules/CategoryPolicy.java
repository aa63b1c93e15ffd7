package io.supportsla.intake.rules;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which severities each category allows (SPEC 3.1: a RoamServer outage cannot be filed as SEV3, a
 * question cannot be SEV1), and which categories are configuration change requests (accepted only
 * in writing). Both come from configuration ({@code intake.classification}).
 */
public final class CategoryPolicy {

    private final Map<Category, Set<Severity>> allowed;
    private final Set<Category> configurationChangeCategories;

    public CategoryPolicy(Map<Category, Set<Severity>> allowed, Set<Category> configurationChangeCategories) {
        EnumSet<Category> missing = EnumSet.allOf(Category.class);
        missing.removeAll(allowed.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No severities configured for categories " + missing);
        }
        this.allowed = new EnumMap<>(Category.class);
        allowed.forEach((category, severities) -> {
            if (severities == null || severities.isEmpty()) {
                throw new IllegalArgumentException("Category " + category + " allows no severity");
            }
            this.allowed.put(category, EnumSet.copyOf(severities));
        });
        this.configurationChangeCategories = configurationChangeCategories.isEmpty()
                ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(configurationChangeCategories);
    }

    public Set<Severity> allowedSeverities(Category category) {
        return Set.copyOf(allowed.get(category));
    }

    public boolean allows(Category category, Severity severity) {
        return allowed.get(category).contains(severity);
    }

    public boolean isConfigurationChange(Category category) {
        return configurationChangeCategories.contains(category);
    }

    /** Refuses a severity the category does not allow, naming the severities it does. */
    public void requireAllowed(Category category, Severity severity) {
        if (!allows(category, severity)) {
            String allowedNames = allowed.get(category).stream().map(Severity::name).sorted().collect(Collectors.joining(", "));
            throw Refusal.of(RefusalReason.SEVERITY_NOT_ALLOWED_FOR_CATEGORY,
                            "Category " + category + " allows " + allowedNames + ", not " + severity)
                    .atField("severity", "must be one of " + allowedNames + " for category " + category)
                    .with("allowedSeverities", allowed.get(category).stream().map(Severity::name).sorted().toList());
        }
    }
}
