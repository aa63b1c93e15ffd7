package io.supportsla.benchmarks;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.intake.cases.CaseEvents;
import io.supportsla.intake.cases.OpenCase;
import io.supportsla.intake.cases.RequestChannel;
import io.supportsla.intake.customers.CustomerProfile;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.security.Caller;
import io.supportsla.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The case every benchmark opens: a SEV1 "all users cannot connect" case of the demo customer
 * {@code acme}, opened by its helpdesk over the portal's HTTP API. {@link #caseCreated} builds its
 * {@code CaseCreated} event with intake's own {@link CaseEvents}, so the records the benchmarks
 * produce directly have exactly the shape intake publishes.
 */
public final class CaseRecords {

    /** The demo key of acme's helpdesk (profile {@code local}; intake-service README). */
    public static final String ACME_HELPDESK_KEY = "local-acme-helpdesk-key";

    private static final Caller ACME_HELPDESK = new Caller("acme-helpdesk", "acme", Role.HELPDESK);
    private static final CustomerProfile ACME = new CustomerProfile("acme", "Acme Corporation", Region.EMEA, Optional.empty(),
            true, Duration.ofMinutes(60));
    private static final String DESCRIPTION = "Since 09:10 CET all users fail to connect through the RoamServer; "
            + "the client reports a timeout after authentication.";

    private CaseRecords() {
    }

    /** The body of {@code POST /api/v1/cases}. */
    public static String requestBody(String title) {
        return "{\"customerId\":\"acme\",\"category\":\"ALL_USERS_CANNOT_CONNECT\",\"severity\":\"SEV1\",\"title\":\""
                + title + "\",\"description\":\"" + DESCRIPTION + "\"}";
    }

    /** The {@code CaseCreated} intake publishes for {@link #requestBody}, with the given number and receipt time. */
    public static CaseEvent caseCreated(long sequence, Instant receivedAt, String title) {
        OpenCase request = new OpenCase("acme", Category.ALL_USERS_CANNOT_CONNECT, Severity.SEV1, title, DESCRIPTION, false,
                RequestChannel.PORTAL, null);
        return CaseEvents.caseCreated(CaseNumber.of(sequence), receivedAt, ACME_HELPDESK, request, ACME, false,
                (int) ACME.statusUpdateInterval().toMinutes(), SubmissionChannel.PORTAL_HTTP, null);
    }

    /** The text form of a case number, {@code C-0000-0042}. */
    public static String caseNumber(long sequence) {
        return CaseNumber.of(sequence).toString();
    }
}
