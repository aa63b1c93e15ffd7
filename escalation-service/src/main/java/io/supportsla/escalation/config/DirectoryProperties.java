package io.supportsla.escalation.config;

import io.supportsla.escalation.directory.Contact;
import io.supportsla.escalation.directory.EscalationDirectory;
import io.supportsla.escalation.directory.RegionalCover;
import io.supportsla.schemas.common.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The escalation directory under {@code supportsla.escalation.directory}, mirroring the process
 * guide's table: the people (each with an email address and a pager routing key), each region's
 * office with its contact and backup, the director and the hotline on-call, referring to people by
 * their key. A missing or malformed entry stops start-up with a message naming it.
 *
 * @param people everyone who can be told, by key (lower-case letters, digits and dashes)
 * @param regions each region's office (EMEA, AMER and APAC are all required)
 * @param director the key of the Director of Customer Consulting (level 2)
 * @param hotlineOnCall the key of the hotline on-call
 */
@Validated
@ConfigurationProperties("supportsla.escalation.directory")
public record DirectoryProperties(
        @NotEmpty Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                message = "must be a lower-case key of letters, digits and '-'") String, @Valid @NotNull Person> people,
        @NotEmpty Map<Region, @Valid @NotNull Office> regions,
        @NotBlank String director,
        @NotBlank String hotlineOnCall) {

    private static final String PREFIX = "supportsla.escalation.directory.";

    public DirectoryProperties {
        people = people == null ? Map.of() : new LinkedHashMap<>(people);
        regions = regions == null ? Map.of() : new LinkedHashMap<>(regions);
        // Cross-references are checked here so the message names the entry; bean validation reports the rest.
        for (Region region : Region.values()) {
            Office office = regions.get(region);
            if (office == null) {
                throw new IllegalArgumentException(PREFIX + "regions." + region + " is missing: every region ("
                        + List.of(Region.values()) + ") needs an office with a contact and a backup");
            }
            requirePerson(people, office.contact(), "regions." + region + ".contact");
            requirePerson(people, office.backup(), "regions." + region + ".backup");
            if (office.contact() != null && office.contact().equals(office.backup())) {
                throw new IllegalArgumentException(PREFIX + "regions." + region + ".backup is the contact ("
                        + office.contact() + ") again: the backup must be someone else");
            }
        }
        requirePerson(people, director, "director");
        requirePerson(people, hotlineOnCall, "hotline-on-call");
    }

    /**
     * One person or team.
     *
     * @param name display name
     * @param email email address
     * @param pagerRoutingKey the 32-character pager (PagerDuty Events API v2) routing key
     * @param office the region of the person's office, if any
     */
    public record Person(
            @NotBlank String name,
            @NotBlank @Email String email,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9]{32}", message = "must be a 32-character pager routing key of letters and digits")
            String pagerRoutingKey,
            Region office) {
    }

    /**
     * A regional office's escalation cover.
     *
     * @param name the office's name, e.g. "Redwood Shores"
     * @param contact key of the level-1 contact
     * @param backup key of the backup manager
     */
    public record Office(@NotBlank String name, @NotBlank String contact, @NotBlank String backup) {
    }

    public EscalationDirectory toDirectory() {
        List<RegionalCover> covers = new ArrayList<>();
        regions.forEach((region, office) -> covers.add(
                new RegionalCover(region, office.name(), contact(office.contact()), contact(office.backup()))));
        return new EscalationDirectory(covers, contact(director), contact(hotlineOnCall));
    }

    private Contact contact(String key) {
        Person person = people.get(key);
        return new Contact(key, person.name(), person.email(), person.pagerRoutingKey(), person.office());
    }

    private static void requirePerson(Map<String, Person> people, String key, String property) {
        if (key != null && !key.isBlank() && !people.containsKey(key)) {
            throw new IllegalArgumentException(PREFIX + property + " names '" + key + "', who is not in " + PREFIX
                    + "people (known: " + people.keySet() + ")");
        }
    }
}
