package io.supportsla.console.view;

/**
 * Where a case stands against its targets, as the queue shows it.
 *
 * <ul>
 *   <li>{@link #RUNNING}: the response target's clock runs (or the SLA service has not reported it yet);</li>
 *   <li>{@link #WARNING}: a warning threshold of the response target has passed;</li>
 *   <li>{@link #BREACHED}: the response target was missed, or a SEV1 status update was missed and no
 *       update has been given in time since;</li>
 *   <li>{@link #MET}: the first response came in time (and no status update is outstanding);</li>
 *   <li>{@link #RESOLVED}: the case is resolved.</li>
 * </ul>
 */
public enum CaseState {
    RUNNING, WARNING, BREACHED, MET, RESOLVED;

    /** Lower-case name, for CSS classes and data attributes. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
