package io.supportsla.intake.rules;

import java.util.Locale;

/**
 * Why intake refused a request, one per rule. The name is the stable code clients and metrics
 * see ({@code reason} in problem responses and rejected submissions, the {@code reason} tag of
 * {@code intake.refusals}); the kind says what sort of refusal it is.
 */
public enum RefusalReason {
    INVALID_REQUEST(Kind.INVALID, "The request is not valid"),
    UNKNOWN_SUBMITTER(Kind.UNAUTHENTICATED, "Unknown submitter"),
    ROLE_NOT_PERMITTED(Kind.FORBIDDEN, "Your role may not do this"),
    OTHER_ORGANISATION(Kind.FORBIDDEN, "Another organisation's case or customer"),
    PARTNER_SERVED_CUSTOMER(Kind.FORBIDDEN, "The customer is served by a partner"),
    NO_DIRECT_END_USER_SUPPORT(Kind.FORBIDDEN, "The customer offers no direct end-user support"),
    END_USER_ISSUE_ONLY(Kind.FORBIDDEN, "End users open END_USER_ISSUE cases only"),
    UNKNOWN_CUSTOMER(Kind.UNPROCESSABLE, "Unknown customer"),
    SEVERITY_NOT_ALLOWED_FOR_CATEGORY(Kind.UNPROCESSABLE, "The category does not allow this severity"),
    NOT_IN_WRITING(Kind.UNPROCESSABLE, "Cases are opened in writing"),
    CONFIGURATION_CHANGE_NOT_IN_WRITING(Kind.UNPROCESSABLE, "Configuration changes must be requested in writing"),
    DOWNGRADE_REASON_REQUIRED(Kind.UNPROCESSABLE, "A Severity 1 downgrade needs a written reason"),
    SEVERITY_UNCHANGED(Kind.UNPROCESSABLE, "Severity and category are unchanged"),
    DISAGREEMENT_DOCUMENTATION_INCOMPLETE(Kind.UNPROCESSABLE, "The disagreement's written documentation is incomplete"),
    UNKNOWN_DISAGREEMENT(Kind.UNPROCESSABLE, "Unknown disagreement"),
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE, "Idempotency key already used for a different request"),
    CASE_NOT_FOUND(Kind.NOT_FOUND, "No such case"),
    CASE_RESOLVED(Kind.CONFLICT, "The case is resolved"),
    NO_FIRST_RESPONSE(Kind.CONFLICT, "The case has no first response yet");

    /** What sort of refusal: the HTTP API maps each to a status (400, 401, 403, 404, 409, 422). */
    public enum Kind { INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE }

    private final Kind kind;
    private final String title;

    RefusalReason(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** The code in kebab case, for problem type URIs: {@code partner-served-customer}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
