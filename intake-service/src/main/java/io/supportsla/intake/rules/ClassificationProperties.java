package io.supportsla.intake.rules;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Classification under {@code intake.classification}: the severities each category allows (every
 * category must be listed) and the categories that are configuration change requests.
 *
 * @param categories the allowed severities by category
 * @param configurationChangeCategories categories whose cases are configuration change requests
 *     even when the submitter does not say so
 */
@Validated
@ConfigurationProperties("intake.classification")
public record ClassificationProperties(
        @NotNull Map<Category, @NotEmpty Set<@NotNull Severity>> categories,
        @NotNull @DefaultValue("ROAMSERVER_CONFIGURATION") Set<Category> configurationChangeCategories) {

    public ClassificationProperties {
        categories = categories == null ? Map.of() : new LinkedHashMap<>(categories);
        EnumSet<Category> missing = EnumSet.allOf(Category.class);
        missing.removeAll(categories.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("intake.classification.categories: list the allowed severities of every category;"
                    + " missing " + missing);
        }
    }

    public CategoryPolicy toPolicy() {
        return new CategoryPolicy(categories, configurationChangeCategories);
    }
}
