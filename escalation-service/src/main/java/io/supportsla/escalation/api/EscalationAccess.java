package io.supportsla.escalation.api;

import io.supportsla.escalation.acknowledgement.AcknowledgementTokens;
import io.supportsla.escalation.acknowledgement.TokenCheck;
import io.supportsla.security.ApiKeyProperties;
import io.supportsla.security.Caller;
import io.supportsla.security.ProblemResponses;
import io.supportsla.security.Role;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may see and acknowledge an escalation: a consultant's API key (checked by the shared
 * api-security filter before this), or the signed token of the link the escalation's recipients
 * were sent, for that escalation and not expired. A missing or altered token is 401, an expired
 * one or one for another escalation 403, and another role's API key 403; all as problem+json.
 */
@Component
class EscalationAccess {

    private final AcknowledgementTokens tokens;
    private final Clock clock;
    private final String realm;

    EscalationAccess(AcknowledgementTokens tokens, Clock clock, ApiKeyProperties apiKeys) {
        this.tokens = tokens;
        this.clock = clock;
        this.realm = apiKeys.realm();
    }

    Credentials require(String escalationId, Caller caller, String authorizationHeader, String token) {
        if (caller != null) {
            if (!caller.is(Role.CONSULTANT)) {
                throw new ApiProblem(HttpStatus.FORBIDDEN, ProblemResponses.FORBIDDEN, "Forbidden",
                        "Only a consultant's API key or the escalation's signed link may do this");
            }
            return new Credentials.ApiKey(caller, authorizationHeader);
        }
        if (token == null || token.isBlank()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, ProblemResponses.UNAUTHENTICATED, "Authentication required",
                    "Follow the signed acknowledgement link (?token=...) or send a consultant's API key as "
                            + "'Authorization: Bearer <key>'", challenge(false));
        }
        TokenCheck check = tokens.check(token, clock.instant());
        if (check instanceof TokenCheck.Invalid invalid) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, ApiProblem.INVALID_ACKNOWLEDGEMENT_LINK,
                    "Invalid acknowledgement link", "The acknowledgement link is not valid: " + invalid.reason(),
                    challenge(true));
        }
        if (check instanceof TokenCheck.Expired expired) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, ApiProblem.EXPIRED_ACKNOWLEDGEMENT_LINK,
                    "Expired acknowledgement link", "The acknowledgement link expired at " + expired.token().expiresAt()
                            + "; ask a consultant to acknowledge with their API key");
        }
        TokenCheck.Valid valid = (TokenCheck.Valid) check;
        if (!valid.token().escalationId().equals(escalationId)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, ProblemResponses.FORBIDDEN, "Forbidden",
                    "This acknowledgement link is for another escalation");
        }
        return new Credentials.Link(valid.token(), token);
    }

    private HttpHeaders challenge(boolean invalidToken) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"" + (invalidToken ? ", error=\"invalid_token\"" : ""));
        return headers;
    }
}
