package io.supportsla.console.acknowledgement;

/**
 * What escalation-service answered to an acknowledgement, in the words a person acting on it needs.
 * See escalation-service's README: 202 accepted, 200 already acknowledged, 404, 409 settled, 401/403
 * refused, 503 state moving between instances.
 */
public sealed interface AcknowledgementOutcome {

    /** A short word for metrics and logs. */
    String kind();

    /** What to tell the person. */
    String message();

    /** Whether it was accepted, so the console shows the escalation as requested until the event arrives. */
    default boolean isAccepted() {
        return false;
    }

    /** 202: escalation-service took it; {@code EscalationAcknowledged} follows on the topic. */
    record Accepted(String escalationId) implements AcknowledgementOutcome {
        public String kind() {
            return "accepted";
        }

        public String message() {
            return "Acknowledgement of " + escalationId + " sent: it shows as acknowledged once escalation-service has recorded it.";
        }

        @Override
        public boolean isAccepted() {
            return true;
        }
    }

    /** 200: someone had acknowledged it already. */
    record AlreadyAcknowledged(String escalationId, String by) implements AcknowledgementOutcome {
        public String kind() {
            return "already_acknowledged";
        }

        public String message() {
            return escalationId + " was already acknowledged" + (by == null ? "" : " by " + by) + ".";
        }
    }

    /** 404 or 409: nothing to acknowledge (unknown to escalation-service, superseded or closed). */
    record NotAcknowledgeable(String escalationId, int status, String detail) implements AcknowledgementOutcome {
        public String kind() {
            return status == 404 ? "not_found" : "settled";
        }

        public String message() {
            return escalationId + " cannot be acknowledged" + (detail == null ? "." : ": " + detail);
        }
    }

    /** 401 or 403: escalation-service does not accept this person's key for it. */
    record Refused(String escalationId, int status, String detail) implements AcknowledgementOutcome {
        public String kind() {
            return "refused";
        }

        public String message() {
            return "escalation-service refused the acknowledgement of " + escalationId + " (" + status + ")"
                    + (detail == null ? "." : ": " + detail);
        }
    }

    /** 5xx, a timeout or no answer: try again in a moment. */
    record Unavailable(String escalationId, String reason) implements AcknowledgementOutcome {
        public String kind() {
            return "unavailable";
        }

        public String message() {
            return "escalation-service could not be reached to acknowledge " + escalationId + " (" + reason
                    + "). Try again in a moment.";
        }
    }
}
