package io.supportsla.escalation.directory;

import io.supportsla.schemas.common.Region;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The escalation directory (SPEC 3.4): every region's contact and backup, the Director of
 * Customer Consulting (level 2) and the hotline on-call. Built once from validated configuration;
 * immutable.
 */
public final class EscalationDirectory {

    private final Map<Region, RegionalCover> covers;
    private final Contact director;
    private final Contact hotlineOnCall;

    /**
     * @throws IllegalArgumentException when a region has no cover
     */
    public EscalationDirectory(Collection<RegionalCover> covers, Contact director, Contact hotlineOnCall) {
        Map<Region, RegionalCover> byRegion = new EnumMap<>(Region.class);
        for (RegionalCover cover : covers) {
            byRegion.put(cover.region(), cover);
        }
        for (Region region : Region.values()) {
            if (!byRegion.containsKey(region)) {
                throw new IllegalArgumentException("the escalation directory has no contact for region " + region);
            }
        }
        this.covers = Map.copyOf(byRegion);
        this.director = Objects.requireNonNull(director, "director");
        this.hotlineOnCall = Objects.requireNonNull(hotlineOnCall, "hotlineOnCall");
    }

    /** The contact and backup of the region whose time zone an escalation goes to. */
    public RegionalCover coverFor(Region region) {
        return covers.get(Objects.requireNonNull(region, "region"));
    }

    /** The Director of Customer Consulting: level 2. */
    public Contact director() {
        return director;
    }

    /** The hotline on-call, paged with the level-1 contact on a SEV1 response breach. */
    public Contact hotlineOnCall() {
        return hotlineOnCall;
    }
}
