package io.supportsla.notification.triggers;

/**
 * PagerDuty dedup keys, stable per case and escalation, so that a redelivered trigger joins the open
 * alert and later acknowledge and resolve events find it.
 */
public final class DedupKeys {

    private DedupKeys() {
    }

    /** Every page of one escalation, whoever it passes to. */
    public static String escalation(String caseNumber, String escalationId) {
        return caseNumber + "/escalation/" + escalationId;
    }

    /** The call-out of a SEV1 case created on a weekend or holiday. */
    public static String sev1CallOut(String caseNumber) {
        return caseNumber + "/sev1-call-out";
    }

    /** One answering-service call: a second call pages again rather than joining the first alert. */
    public static String answeringServiceCall(String caseNumber, String callEventId) {
        return caseNumber + "/answering-service/" + callEventId;
    }
}
