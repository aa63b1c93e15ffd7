package io.supportsla.escalation.api;

import io.supportsla.escalation.acknowledgement.AcknowledgementToken;
import io.supportsla.schemas.escalation.AcknowledgementChannel;
import io.supportsla.security.Caller;

/** How a caller proved they may see or acknowledge an escalation. */
sealed interface Credentials {

    /** Who acknowledges, as published in {@code EscalationAcknowledged.acknowledgedBy}. */
    String acknowledgedBy();

    AcknowledgementChannel via();

    /** A consultant's API key, sent as {@code Authorization: Bearer <key>}. */
    record ApiKey(Caller caller, String authorizationHeader) implements Credentials {

        @Override
        public String acknowledgedBy() {
            return caller.principal();
        }

        @Override
        public AcknowledgementChannel via() {
            return AcknowledgementChannel.API_KEY;
        }
    }

    /** A signed acknowledgement link's token, valid for this escalation. */
    record Link(AcknowledgementToken token, String tokenText) implements Credentials {

        @Override
        public String acknowledgedBy() {
            return token.recipient();
        }

        @Override
        public AcknowledgementChannel via() {
            return AcknowledgementChannel.LINK;
        }
    }
}
