package io.supportsla.console.view;

/**
 * Where an escalation stands, derived from escalation events (and the case's own events).
 *
 * <ul>
 *   <li>{@link #AWAITING}: raised (or passed on after a timeout), waiting for acknowledgement;</li>
 *   <li>{@link #UNACKNOWLEDGED}: the director's timeout passed too: nobody is left to pass it to, it can still be acknowledged;</li>
 *   <li>{@link #ACKNOWLEDGED}: someone acknowledged it;</li>
 *   <li>{@link #SUPERSEDED}: a level-2 escalation of the same disagreement replaced it;</li>
 *   <li>{@link #CLOSED}: the case was resolved before anyone acknowledged it.</li>
 * </ul>
 */
public enum EscalationState {
    AWAITING, UNACKNOWLEDGED, ACKNOWLEDGED, SUPERSEDED, CLOSED;

    /** Still waiting for someone to acknowledge it. */
    public boolean isOpen() {
        return this == AWAITING || this == UNACKNOWLEDGED;
    }

    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
