package io.supportsla.intake.cases;

/**
 * How the requester made the request to whoever submits it to intake. Intake opens cases only
 * from written requests (SPEC 3.3: configuration changes in writing, never by phone; callers
 * authenticate through the web system before any action).
 */
public enum RequestChannel {
    /** Entered in the customer portal. */
    PORTAL,
    /** A written email, relayed by the portal or a mail gateway. */
    EMAIL,
    /** Taken on the phone: refused; a call can only be logged against an existing case. */
    PHONE
}
