package io.supportsla.intake.rules;

import static io.supportsla.intake.rules.RefusalReason.CASE_RESOLVED;
import static io.supportsla.intake.rules.RefusalReason.CONFIGURATION_CHANGE_NOT_IN_WRITING;
import static io.supportsla.intake.rules.RefusalReason.DISAGREEMENT_DOCUMENTATION_INCOMPLETE;
import static io.supportsla.intake.rules.RefusalReason.DOWNGRADE_REASON_REQUIRED;
import static io.supportsla.intake.rules.RefusalReason.END_USER_ISSUE_ONLY;
import static io.supportsla.intake.rules.RefusalReason.NOT_IN_WRITING;
import static io.supportsla.intake.rules.RefusalReason.NO_DIRECT_END_USER_SUPPORT;
import static io.supportsla.intake.rules.RefusalReason.NO_FIRST_RESPONSE;
import static io.supportsla.intake.rules.RefusalReason.OTHER_ORGANISATION;
import static io.supportsla.intake.rules.RefusalReason.PARTNER_SERVED_CUSTOMER;
import static io.supportsla.intake.rules.RefusalReason.ROLE_NOT_PERMITTED;
import static io.supportsla.intake.rules.RefusalReason.SEVERITY_UNCHANGED;
import static io.supportsla.intake.rules.RefusalReason.UNKNOWN_CUSTOMER;
import static io.supportsla.intake.rules.RefusalReason.UNKNOWN_DISAGREEMENT;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.intake.cases.ChangeSeverity;
import io.supportsla.intake.cases.LogHotlineCall;
import io.supportsla.intake.cases.OpenCase;
import io.supportsla.intake.cases.RaiseDisagreement;
import io.supportsla.intake.cases.RequestChannel;
import io.supportsla.intake.cases.SupportCase;
import io.supportsla.intake.cases.Transport;
import io.supportsla.intake.customers.CustomerDirectory;
import io.supportsla.intake.customers.CustomerProfile;
import io.supportsla.intake.customers.Partner;
import io.supportsla.schemas.cases.CallTaker;
import io.supportsla.schemas.cases.SubmissionChannel;
import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Severity;
import io.supportsla.security.Caller;
import io.supportsla.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake rules of SPEC 3.1 and 3.3, in one place: who may do what, for which organisation's
 * cases, and what a request must say. Each check returns what it decided or throws a
 * {@link Refusal} naming the rule; plain Java, no framework.
 */
public final class IntakeRules {

    /** Clocks disagree a little; a call "in the future" by less than this is taken as now. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private final CustomerDirectory directory;
    private final CategoryPolicy categories;

    public IntakeRules(CustomerDirectory directory, CategoryPolicy categories) {
        this.directory = directory;
        this.categories = categories;
    }

    /** Refuses a caller whose role may not take the action at all (consultant-only actions, staff-only call logging...). */
    public void requireRole(Caller caller, Action action) {
        if (!action.allows(caller.role())) {
            throw Refusal.of(ROLE_NOT_PERMITTED, "Your role (" + caller.role() + ") may not " + action.description() + ". "
                    + action.whoMay() + ".").with("allowedRoles", action.roles().stream().map(Role::name).sorted().toList());
        }
    }

    /** Decides whether and how a case may be opened (SPEC 3.1, 3.3). */
    public CaseOpening open(Caller caller, OpenCase request, Transport transport) {
        requireRole(caller, Action.OPEN_CASE);
        CustomerProfile customer = directory.customer(request.customerId()).orElseThrow(() -> Refusal.of(UNKNOWN_CUSTOMER,
                        "There is no customer '" + request.customerId() + "' in the customer directory")
                .atField("customerId", "is not a known customer"));
        requireMayOpenFor(caller, customer);
        if (caller.is(Role.END_USER) && request.severity() != Severity.END_USER_ISSUE) {
            throw Refusal.of(END_USER_ISSUE_ONLY, "End users open END_USER_ISSUE cases only; ask your helpdesk to open a "
                    + request.severity() + " case").atField("severity", "must be END_USER_ISSUE for an end user");
        }
        boolean configurationChange = request.configurationChange() || categories.isConfigurationChange(request.category());
        requireInWriting(request.channel(), configurationChange);
        categories.requireAllowed(request.category(), request.severity());
        int interval = request.statusUpdateIntervalMinutes() != null
                ? request.statusUpdateIntervalMinutes() : (int) customer.statusUpdateInterval().toMinutes();
        return new CaseOpening(customer, configurationChange, interval, submissionChannel(request.channel(), transport));
    }

    /** Helpdesks see their organisation's cases (as customer or serving partner), end users the cases they opened, staff all. */
    public boolean maySee(Caller caller, SupportCase supportCase) {
        return switch (caller.role()) {
            case CONSULTANT, ANSWERING_SERVICE -> true;
            case HELPDESK -> caller.belongsTo(supportCase.customerId())
                    || supportCase.partnerId().map(caller::belongsTo).orElse(false);
            case END_USER -> caller.belongsTo(supportCase.customerId()) && supportCase.opening().openedBy().isCaller(caller);
        };
    }

    public void requireMaySee(Caller caller, SupportCase supportCase) {
        if (!maySee(caller, supportCase)) {
            throw otherOrganisation(supportCase.number());
        }
    }

    /** A hotline call against an existing, open case, logged by support staff (SPEC 3.3); defaults filled in. */
    public HotlineCallDetails logHotlineCall(Caller caller, SupportCase supportCase, LogHotlineCall request, Instant now) {
        requireRole(caller, Action.LOG_HOTLINE_CALL);
        requireOpen(supportCase);
        CallTaker takenBy = request.takenBy() != null ? request.takenBy()
                : caller.is(Role.ANSWERING_SERVICE) ? CallTaker.ANSWERING_SERVICE : CallTaker.TECHNICIAN;
        if (caller.is(Role.ANSWERING_SERVICE) && takenBy != CallTaker.ANSWERING_SERVICE) {
            throw Refusal.of(ROLE_NOT_PERMITTED, "The answering service logs the calls it took itself: takenBy must be ANSWERING_SERVICE")
                    .atField("takenBy", "must be ANSWERING_SERVICE for the answering service");
        }
        Instant calledAt = request.calledAt() != null ? request.calledAt() : now;
        if (calledAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw Refusal.invalid(List.of(new FieldProblem("calledAt", "must not be in the future")));
        }
        String takerName = request.takerName() != null && !request.takerName().isBlank() ? request.takerName().strip() : caller.principal();
        return new HotlineCallDetails(calledAt.isAfter(now) ? now : calledAt, takenBy, takerName);
    }

    /** A consultant's response; returns whether it is the case's first (which makes the consultant its point of contact). */
    public boolean respond(Caller caller, SupportCase supportCase) {
        requireRole(caller, Action.RESPOND);
        requireOpen(supportCase);
        return !supportCase.hasFirstResponse();
    }

    /** A status update follows the first response (SPEC 3.2). */
    public void postStatusUpdate(Caller caller, SupportCase supportCase) {
        requireRole(caller, Action.POST_STATUS_UPDATE);
        requireOpen(supportCase);
        if (!supportCase.hasFirstResponse()) {
            throw Refusal.of(NO_FIRST_RESPONSE, "Case " + supportCase.number()
                    + " has no first response yet: respond first (POST /cases/" + supportCase.number() + "/responses)");
        }
    }

    /**
     * A reclassification: the category (given or current) must allow the new severity, and a
     * Severity 1 downgrade needs a written reason (SPEC 3.2). Returns the category after the change.
     */
    public Category changeSeverity(Caller caller, SupportCase supportCase, ChangeSeverity request) {
        requireRole(caller, Action.CHANGE_SEVERITY);
        requireOpen(supportCase);
        Category category = request.category() != null ? request.category() : supportCase.category();
        if (request.severity() == supportCase.severity() && category == supportCase.category()) {
            throw Refusal.of(SEVERITY_UNCHANGED, "Case " + supportCase.number() + " already is " + supportCase.severity()
                    + " in category " + supportCase.category());
        }
        if (!categories.allows(category, request.severity()) && request.category() == null) {
            throw Refusal.of(RefusalReason.SEVERITY_NOT_ALLOWED_FOR_CATEGORY, "Category " + category + " allows "
                            + categories.allowedSeverities(category).stream().map(Severity::name).sorted().toList()
                            + ", not " + request.severity() + ": give the category the case belongs in")
                    .atField("category", "is required: the current category " + category + " does not allow " + request.severity());
        }
        categories.requireAllowed(category, request.severity());
        boolean downgradeFromSev1 = supportCase.severity() == Severity.SEV1 && request.severity() != Severity.SEV1;
        if (downgradeFromSev1 && (request.reason() == null || request.reason().isBlank())) {
            throw Refusal.of(DOWNGRADE_REASON_REQUIRED, "Downgrading a Severity 1 case needs a written reason: say why it"
                    + " does not meet the Severity 1 criteria").atField("reason", "is required for a Severity 1 downgrade");
        }
        return category;
    }

    /**
     * A disagreement on the action plan, with complete written documentation (SPEC 3.4); raised by
     * a consultant or by the helpdesk acting for the customer. Returns the documented case numbers.
     */
    public List<String> raiseDisagreement(Caller caller, SupportCase supportCase, RaiseDisagreement request) {
        requireRole(caller, Action.RAISE_DISAGREEMENT);
        requireMaySee(caller, supportCase);
        if (caller.is(Role.HELPDESK) && !caller.belongsTo(supportCase.servedBy())) {
            throw Refusal.of(PARTNER_SERVED_CUSTOMER, supportCase.opening().customerName() + " is served by a partner: disagreements on its"
                    + " cases are raised by the partner's helpdesk").with("partner", supportCase.servedBy());
        }
        requireOpen(supportCase);
        List<String> caseNumbers = requireCompleteDocumentation(request.documentation());
        String previous = request.previousDisagreementId();
        if (previous != null && supportCase.disagreement(previous).isEmpty()) {
            throw Refusal.of(UNKNOWN_DISAGREEMENT, "Case " + supportCase.number() + " has no disagreement '" + previous + "'")
                    .atField("previousDisagreementId", "is not a disagreement of this case");
        }
        return caseNumbers;
    }

    public void resolve(Caller caller, SupportCase supportCase) {
        requireRole(caller, Action.RESOLVE);
        requireOpen(supportCase);
    }

    /** Every missing part of the documentation at once, so the sender can complete it in one go. */
    static List<String> requireCompleteDocumentation(RaiseDisagreement.Documentation documentation) {
        Map<String, String> missing = new LinkedHashMap<>();
        List<String> caseNumbers = documentation == null || documentation.caseNumbers() == null ? List.of() : documentation.caseNumbers();
        if (caseNumbers.stream().allMatch(number -> number == null || number.isBlank())) {
            missing.put("caseNumbers", "the original case number(s)");
        }
        if (documentation == null || blank(documentation.issueDescription())) {
            missing.put("issueDescription", "the issue description");
        }
        if (documentation == null || blank(documentation.progressToDate())) {
            missing.put("progressToDate", "the progress to date");
        }
        if (documentation == null || blank(documentation.customerImpact())) {
            missing.put("customerImpact", "the impact on the customer");
        }
        if (documentation == null || blank(documentation.reason())) {
            missing.put("reason", "the reason for the escalation");
        }
        if (!missing.isEmpty()) {
            Refusal refusal = Refusal.of(DISAGREEMENT_DOCUMENTATION_INCOMPLETE, "A disagreement needs complete written documentation;"
                    + " missing: " + String.join(", ", missing.values())).with("missing", List.copyOf(missing.keySet()));
            for (String field : missing.keySet()) {
                refusal = refusal.atField("documentation." + field, "is missing");
            }
            throw refusal;
        }
        List<FieldProblem> malformed = new ArrayList<>();
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < caseNumbers.size(); i++) {
            String number = caseNumbers.get(i);
            if (number == null || number.isBlank()) {
                continue;
            }
            var parsed = CaseNumber.parse(number);
            if (parsed.isPresent()) {
                normalised.add(parsed.get().toString());
            } else {
                malformed.add(new FieldProblem("documentation.caseNumbers[" + i + "]", "is not a case number like C-0000-0042"));
            }
        }
        if (!malformed.isEmpty()) {
            throw Refusal.invalid(malformed);
        }
        return normalised.stream().distinct().toList();
    }

    private void requireMayOpenFor(Caller caller, CustomerProfile customer) {
        boolean ownCustomer = caller.belongsTo(customer.id());
        if (customer.partner().isPresent()) {
            Partner partner = customer.partner().get();
            if (caller.is(Role.HELPDESK) && caller.belongsTo(partner.id())) {
                return;
            }
            if (ownCustomer) {
                Map<String, Object> partnerDetails = new LinkedHashMap<>();
                partnerDetails.put("id", partner.id());
                partnerDetails.put("name", partner.name());
                partner.contact().ifPresent(contact -> partnerDetails.put("contact", contact));
                throw Refusal.of(PARTNER_SERVED_CUSTOMER, customer.name() + " is supported through " + partner.name()
                        + ": please contact " + partner.name() + partner.contact().map(contact -> " (" + contact + ")").orElse("")
                        + ", whose helpdesk opens cases for " + customer.name()).with("partner", partnerDetails);
            }
            throw Refusal.of(OTHER_ORGANISATION, caller.principal() + " may not open cases for customer '" + customer.id() + "'")
                    .atField("customerId", "is not your organisation or a customer your organisation serves");
        }
        if (!ownCustomer) {
            throw Refusal.of(OTHER_ORGANISATION, caller.principal() + " may not open cases for customer '" + customer.id() + "'")
                    .atField("customerId", "is not your organisation or a customer your organisation serves");
        }
        if (caller.is(Role.END_USER) && !customer.directEndUserSupport()) {
            throw Refusal.of(NO_DIRECT_END_USER_SUPPORT, customer.name() + " does not offer direct end-user support:"
                    + " please contact your own helpdesk");
        }
    }

    private static void requireInWriting(RequestChannel channel, boolean configurationChange) {
        if (channel != RequestChannel.PHONE) {
            return;
        }
        if (configurationChange) {
            throw Refusal.of(CONFIGURATION_CHANGE_NOT_IN_WRITING, "Configuration change requests must be in writing: submit them"
                    + " through the portal or by email with a written description, never by phone").atField("channel", "must be PORTAL or EMAIL");
        }
        throw Refusal.of(NOT_IN_WRITING, "Cases are opened in writing, through the portal or by email; a phone call is logged"
                + " against an existing case").atField("channel", "must be PORTAL or EMAIL");
    }

    private static SubmissionChannel submissionChannel(RequestChannel channel, Transport transport) {
        if (channel == RequestChannel.EMAIL) {
            return SubmissionChannel.EMAIL;
        }
        return transport == Transport.KAFKA ? SubmissionChannel.PORTAL_KAFKA : SubmissionChannel.PORTAL_HTTP;
    }

    private static void requireOpen(SupportCase supportCase) {
        if (supportCase.isResolved()) {
            throw Refusal.of(CASE_RESOLVED, "Case " + supportCase.number() + " was resolved at "
                    + supportCase.resolution().resolvedAt() + "; open a new case");
        }
    }

    private static Refusal otherOrganisation(CaseNumber number) {
        return Refusal.of(OTHER_ORGANISATION, "Case " + number + " belongs to another organisation");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
