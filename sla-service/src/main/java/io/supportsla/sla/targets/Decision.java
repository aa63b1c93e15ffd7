package io.supportsla.sla.targets;

import java.util.List;
import java.util.Objects;

/**
 * The result of applying a case event, or of firing due timers, to a case: whether its state
 * changed (and to what), and the outcomes to publish, in order. The state and the outcomes are
 * committed together.
 */
public record Decision(Change change, CaseSla state, List<Emission> emissions) {

    /** What happened to the stored state. */
    public enum Change {
        /** Nothing to store or publish (duplicate, unknown case, irrelevant event). */
        UNCHANGED,
        /** Store {@link #state()}. */
        UPDATED,
        /** Delete the case's state. */
        DELETED
    }

    public Decision {
        Objects.requireNonNull(change, "change");
        emissions = List.copyOf(emissions);
        if (change == Change.UPDATED) {
            Objects.requireNonNull(state, "state");
        }
    }

    static Decision unchanged(CaseSla state) {
        return new Decision(Change.UNCHANGED, state, List.of());
    }

    static Decision updated(CaseSla state, List<Emission> emissions) {
        return new Decision(Change.UPDATED, state, emissions);
    }

    static Decision deleted(List<Emission> emissions) {
        return new Decision(Change.DELETED, null, emissions);
    }
}
