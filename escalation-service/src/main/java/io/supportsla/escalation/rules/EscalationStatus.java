package io.supportsla.escalation.rules;

/** Where an escalation stands. Only {@link #AWAITING_ACKNOWLEDGEMENT} has a running timer. */
public enum EscalationStatus {
    /** Told someone; re-escalates when they do not acknowledge by the deadline. */
    AWAITING_ACKNOWLEDGEMENT,
    /** Someone acknowledged; nothing further happens. */
    ACKNOWLEDGED,
    /** The director did not acknowledge either: nobody is left to tell. It can still be acknowledged. */
    UNACKNOWLEDGED,
    /** The disagreement was raised again and went to the director as a new escalation. */
    SUPERSEDED,
    /** The case was resolved. */
    CLOSED
}
