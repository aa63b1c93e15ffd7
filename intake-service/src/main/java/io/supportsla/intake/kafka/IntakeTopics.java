package io.supportsla.intake.kafka;

import io.supportsla.schemas.Topics;

/** The topics intake owns besides the contract's, declared once. Internal topics are named {@code intake.*}. */
public final class IntakeTopics {

    /**
     * Case-number claims, single partition: the offset of a claim is its case number, and the
     * first claim of an idempotency key wins. Broker-time timestamps; retention is the idempotency
     * window.
     */
    public static final String CASE_NUMBER_CLAIMS = "intake.case-number-claims";

    /** Portal submissions that could not be decoded at all, as received, with the error in headers. */
    public static final String PORTAL_SUBMISSIONS_DLQ = Topics.deadLetterTopic(Topics.PORTAL_CASE_SUBMISSIONS);

    private IntakeTopics() {
    }
}
