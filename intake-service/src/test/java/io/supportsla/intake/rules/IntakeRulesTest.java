package io.supportsla.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.intake.cases.ActorRef;
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
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.Severity;
import io.supportsla.security.Caller;
import io.supportsla.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IntakeRulesTest {

    static final Instant NOW = Instant.parse("2025-06-30T09:00:00Z");
    static final Partner NORTHWIND = new Partner("northwind", "Northwind Support", Optional.of("help@northwind.example"));
    static final CustomerDirectory DIRECTORY = new CustomerDirectory(Map.of(
            "acme", new CustomerProfile("acme", "Acme", Region.EMEA, Optional.empty(), true, Duration.ofMinutes(60)),
            "initech", new CustomerProfile("initech", "Initech", Region.APAC, Optional.empty(), false, Duration.ofMinutes(45)),
            "globex", new CustomerProfile("globex", "Globex", Region.AMER, Optional.of(NORTHWIND), true, Duration.ofMinutes(30))),
            Map.of("northwind", NORTHWIND), "supportsla");

    static final Caller ACME_HELPDESK = new Caller("acme-helpdesk", "acme", Role.HELPDESK);
    static final Caller ACME_END_USER = new Caller("acme-user", "acme", Role.END_USER);
    static final Caller INITECH_END_USER = new Caller("initech-user", "initech", Role.END_USER);
    static final Caller GLOBEX_HELPDESK = new Caller("globex-helpdesk", "globex", Role.HELPDESK);
    static final Caller GLOBEX_END_USER = new Caller("globex-user", "globex", Role.END_USER);
    static final Caller NORTHWIND_HELPDESK = new Caller("northwind-helpdesk", "northwind", Role.HELPDESK);
    static final Caller CONSULTANT = new Caller("jane", "supportsla", Role.CONSULTANT);
    static final Caller ANSWERING_SERVICE = new Caller("answering", "supportsla", Role.ANSWERING_SERVICE);

    private final IntakeRules rules = new IntakeRules(DIRECTORY, policy());

    static CategoryPolicy policy() {
        Map<Category, Set<Severity>> allowed = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            allowed.put(category, Set.of(Severity.SEV2, Severity.SEV3));
        }
        for (Category category : List.of(Category.END_USER_CONNECTIVITY, Category.END_USER_AVAILABILITY,
                Category.END_USER_FUNCTIONALITY, Category.END_USER_BILLING)) {
            allowed.put(category, Set.of(Severity.END_USER_ISSUE));
        }
        allowed.put(Category.ALL_USERS_CANNOT_CONNECT, Set.of(Severity.SEV1));
        allowed.put(Category.VIP_USER, Set.of(Severity.SEV1));
        allowed.put(Category.ACCESS_POINTS_UNREACHABLE, Set.of(Severity.SEV2));
        allowed.put(Category.QUESTION_OR_SERVICE_REQUEST, Set.of(Severity.SEV3));
        return new CategoryPolicy(allowed, Set.of(Category.ROAMSERVER_CONFIGURATION));
    }

    static OpenCase request(String customer, Category category, Severity severity) {
        return new OpenCase(customer, category, severity, "Title", "Description", null, null, null);
    }

    @Nested
    class OpeningCases {

        @Test
        void aHelpdeskOpensAnySeverityItsCategoryAllows() {
            CaseOpening opening = rules.open(ACME_HELPDESK, request("acme", Category.VIP_USER, Severity.SEV1), Transport.HTTP);

            assertThat(opening.customer().id()).isEqualTo("acme");
            assertThat(opening.statusUpdateIntervalMinutes()).isEqualTo(60);
            assertThat(opening.submissionChannel()).isEqualTo(SubmissionChannel.PORTAL_HTTP);
            assertThat(opening.configurationChange()).isFalse();
        }

        @Test
        void aCategoryRefusesASeverityItDoesNotAllowNamingThoseItDoes() {
            assertRefused(() -> rules.open(ACME_HELPDESK, request("acme", Category.ALL_USERS_CANNOT_CONNECT, Severity.SEV3), Transport.HTTP),
                    RefusalReason.SEVERITY_NOT_ALLOWED_FOR_CATEGORY, "Category ALL_USERS_CANNOT_CONNECT allows SEV1, not SEV3");
            assertRefused(() -> rules.open(ACME_HELPDESK, request("acme", Category.QUESTION_OR_SERVICE_REQUEST, Severity.SEV1), Transport.HTTP),
                    RefusalReason.SEVERITY_NOT_ALLOWED_FOR_CATEGORY, "allows SEV3, not SEV1");
        }

        @Test
        void consultantsAndTheAnsweringServiceDoNotOpenCases() {
            assertRefused(() -> rules.open(CONSULTANT, request("acme", Category.VIP_USER, Severity.SEV1), Transport.HTTP),
                    RefusalReason.ROLE_NOT_PERMITTED, "Your role (CONSULTANT) may not open cases");
            assertRefused(() -> rules.open(ANSWERING_SERVICE, request("acme", Category.VIP_USER, Severity.SEV1), Transport.HTTP),
                    RefusalReason.ROLE_NOT_PERMITTED, "Your role (ANSWERING_SERVICE) may not open cases");
        }

        @Test
        void anEndUserOpensOnlyEndUserIssues() {
            assertThat(rules.open(ACME_END_USER, request("acme", Category.END_USER_BILLING, Severity.END_USER_ISSUE), Transport.HTTP))
                    .isNotNull();
            assertRefused(() -> rules.open(ACME_END_USER, request("acme", Category.VIP_USER, Severity.SEV1), Transport.HTTP),
                    RefusalReason.END_USER_ISSUE_ONLY, "ask your helpdesk to open a SEV1 case");
        }

        @Test
        void anEndUserOfACustomerWithoutDirectEndUserSupportIsSentToTheirHelpdesk() {
            assertRefused(() -> rules.open(INITECH_END_USER, request("initech", Category.END_USER_CONNECTIVITY, Severity.END_USER_ISSUE),
                    Transport.HTTP), RefusalReason.NO_DIRECT_END_USER_SUPPORT, "please contact your own helpdesk");
        }

        @Test
        void aPartnerServedCustomerIsServedOnlyThroughItsPartnerAndTheRefusalNamesIt() {
            CaseOpening opening = rules.open(NORTHWIND_HELPDESK, request("globex", Category.VIP_USER, Severity.SEV1), Transport.HTTP);
            assertThat(opening.customer().partner()).contains(NORTHWIND);

            for (Caller direct : List.of(GLOBEX_HELPDESK, GLOBEX_END_USER)) {
                Refusal refusal = refusal(() -> rules.open(direct, request("globex", Category.END_USER_BILLING, Severity.END_USER_ISSUE),
                        Transport.HTTP));
                assertThat(refusal.reason()).isEqualTo(RefusalReason.PARTNER_SERVED_CUSTOMER);
                assertThat(refusal.getMessage()).isEqualTo("Globex is supported through Northwind Support: please contact Northwind"
                        + " Support (help@northwind.example), whose helpdesk opens cases for Globex");
                assertThat(refusal.details()).containsKey("partner");
            }
        }

        @Test
        void aHelpdeskOpensCasesOnlyForItsOwnOrServedCustomers() {
            assertRefused(() -> rules.open(ACME_HELPDESK, request("initech", Category.VIP_USER, Severity.SEV1), Transport.HTTP),
                    RefusalReason.OTHER_ORGANISATION, "may not open cases for customer 'initech'");
            assertRefused(() -> rules.open(NORTHWIND_HELPDESK, request("acme", Category.VIP_USER, Severity.SEV1), Transport.HTTP),
                    RefusalReason.OTHER_ORGANISATION, "may not open cases for customer 'acme'");
        }

        @Test
        void anUnknownCustomerIsRefusedNamingTheField() {
            Refusal refusal = refusal(() -> rules.open(ACME_HELPDESK, request("umbrella", Category.VIP_USER, Severity.SEV1), Transport.HTTP));

            assertThat(refusal.reason()).isEqualTo(RefusalReason.UNKNOWN_CUSTOMER);
            assertThat(refusal.problems()).extracting(FieldProblem::field).containsExactly("customerId");
        }

        @Test
        void configurationChangesAreAcceptedInWritingAndNeverByPhone() {
            OpenCase byEmail = new OpenCase("acme", Category.CLIENT_DEPLOYMENT, Severity.SEV2, "t", "d", true, RequestChannel.EMAIL, null);
            assertThat(rules.open(ACME_HELPDESK, byEmail, Transport.KAFKA).submissionChannel()).isEqualTo(SubmissionChannel.EMAIL);

            OpenCase byPhone = new OpenCase("acme", Category.CLIENT_DEPLOYMENT, Severity.SEV2, "t", "d", true, RequestChannel.PHONE, null);
            assertRefused(() -> rules.open(ACME_HELPDESK, byPhone, Transport.HTTP), RefusalReason.CONFIGURATION_CHANGE_NOT_IN_WRITING,
                    "never by phone");
        }

        @Test
        void aConfigurationCategoryIsAConfigurationChangeWhateverTheFlagSays() {
            OpenCase request = request("acme", Category.ROAMSERVER_CONFIGURATION, Severity.SEV2);
            assertThat(rules.open(ACME_HELPDESK, request, Transport.HTTP).configurationChange()).isTrue();

            OpenCase byPhone = new OpenCase("acme", Category.ROAMSERVER_CONFIGURATION, Severity.SEV2, "t", "d", false, RequestChannel.PHONE, null);
            assertRefused(() -> rules.open(ACME_HELPDESK, byPhone, Transport.HTTP), RefusalReason.CONFIGURATION_CHANGE_NOT_IN_WRITING, "");
        }

        @Test
        void noCaseIsOpenedByPhone() {
            OpenCase byPhone = new OpenCase("acme", Category.VIP_USER, Severity.SEV1, "t", "d", false, RequestChannel.PHONE, null);

            assertRefused(() -> rules.open(ACME_HELPDESK, byPhone, Transport.HTTP), RefusalReason.NOT_IN_WRITING,
                    "a phone call is logged against an existing case");
        }

        @Test
        void thePortalTopicIsRecordedAsSuchAndAnIntervalMayBeAgreedPerCase() {
            OpenCase request = new OpenCase("acme", Category.VIP_USER, Severity.SEV1, "t", "d", null, null, 15);

            CaseOpening opening = rules.open(ACME_HELPDESK, request, Transport.KAFKA);

            assertThat(opening.submissionChannel()).isEqualTo(SubmissionChannel.PORTAL_KAFKA);
            assertThat(opening.statusUpdateIntervalMinutes()).isEqualTo(15);
        }
    }

    @Nested
    class ActingOnCases {

        private final SupportCase acmeSev1 = supportCase("acme", null, Severity.SEV1, Category.ALL_USERS_CANNOT_CONNECT, ACME_HELPDESK);
        private final SupportCase globexCase = supportCase("globex", "northwind", Severity.SEV1, Category.VIP_USER, NORTHWIND_HELPDESK);

        @Test
        void helpdesksSeeTheirOrganisationsCasesEndUsersTheirOwnStaffAll() {
            assertThat(rules.maySee(ACME_HELPDESK, acmeSev1)).isTrue();
            assertThat(rules.maySee(GLOBEX_HELPDESK, acmeSev1)).isFalse();
            assertThat(rules.maySee(ACME_END_USER, acmeSev1)).isFalse();
            assertThat(rules.maySee(GLOBEX_HELPDESK, globexCase)).isTrue();
            assertThat(rules.maySee(NORTHWIND_HELPDESK, globexCase)).isTrue();
            assertThat(rules.maySee(CONSULTANT, globexCase)).isTrue();
            assertThat(rules.maySee(ANSWERING_SERVICE, globexCase)).isTrue();
            assertRefused(() -> rules.requireMaySee(GLOBEX_HELPDESK, acmeSev1), RefusalReason.OTHER_ORGANISATION,
                    "belongs to another organisation");
        }

        @Test
        void consultantOnlyActionsAreRefusedToEveryoneElse() {
            for (Caller caller : List.of(ACME_HELPDESK, ACME_END_USER, ANSWERING_SERVICE)) {
                assertRefused(() -> rules.respond(caller, acmeSev1), RefusalReason.ROLE_NOT_PERMITTED, "Only support consultants respond");
                assertRefused(() -> rules.postStatusUpdate(caller, acmeSev1), RefusalReason.ROLE_NOT_PERMITTED, "status updates");
                assertRefused(() -> rules.changeSeverity(caller, acmeSev1, new ChangeSeverity(Severity.SEV2, null, "r")),
                        RefusalReason.ROLE_NOT_PERMITTED, "reclassify");
                assertRefused(() -> rules.resolve(caller, acmeSev1), RefusalReason.ROLE_NOT_PERMITTED, "resolve");
            }
        }

        @Test
        void theFirstResponseIsTheOneOnACaseWithoutResponse() {
            assertThat(rules.respond(CONSULTANT, acmeSev1)).isTrue();
            assertThat(rules.respond(CONSULTANT, responded(acmeSev1))).isFalse();
        }

        @Test
        void aStatusUpdateNeedsAFirstResponse() {
            assertRefused(() -> rules.postStatusUpdate(CONSULTANT, acmeSev1), RefusalReason.NO_FIRST_RESPONSE, "respond first");
            rules.postStatusUpdate(CONSULTANT, responded(acmeSev1));
        }

        @Test
        void hotlineCallsAreLoggedBySupportStaff() {
            LogHotlineCall call = new LogHotlineCall(null, null, null, "Caller", null);

            assertThat(rules.logHotlineCall(CONSULTANT, acmeSev1, call, NOW))
                    .isEqualTo(new HotlineCallDetails(NOW, CallTaker.TECHNICIAN, "jane"));
            assertThat(rules.logHotlineCall(ANSWERING_SERVICE, acmeSev1, call, NOW).takenBy()).isEqualTo(CallTaker.ANSWERING_SERVICE);
            assertRefused(() -> rules.logHotlineCall(ACME_HELPDESK, acmeSev1, call, NOW), RefusalReason.ROLE_NOT_PERMITTED,
                    "Hotline calls are logged by support staff");
            assertRefused(() -> rules.logHotlineCall(ANSWERING_SERVICE, acmeSev1,
                    new LogHotlineCall(null, CallTaker.TECHNICIAN, null, null, null), NOW), RefusalReason.ROLE_NOT_PERMITTED,
                    "takenBy must be ANSWERING_SERVICE");
        }

        @Test
        void aHotlineCallCannotComeFromTheFuture() {
            assertRefused(() -> rules.logHotlineCall(CONSULTANT, acmeSev1,
                    new LogHotlineCall(NOW.plusSeconds(3600), null, null, null, null), NOW), RefusalReason.INVALID_REQUEST, "calledAt");
            // A clock a few seconds ahead is taken as now.
            assertThat(rules.logHotlineCall(CONSULTANT, acmeSev1, new LogHotlineCall(NOW.plusSeconds(5), null, null, null, null), NOW)
                    .calledAt()).isEqualTo(NOW);
        }

        @Test
        void aSev1DowngradeNeedsAWrittenReason() {
            assertRefused(() -> rules.changeSeverity(CONSULTANT, acmeSev1,
                    new ChangeSeverity(Severity.SEV2, Category.ACCESS_POINTS_UNREACHABLE, " ")), RefusalReason.DOWNGRADE_REASON_REQUIRED,
                    "needs a written reason");
            assertThat(rules.changeSeverity(CONSULTANT, acmeSev1,
                    new ChangeSeverity(Severity.SEV2, Category.ACCESS_POINTS_UNREACHABLE, "One access point only")))
                    .isEqualTo(Category.ACCESS_POINTS_UNREACHABLE);
        }

        @Test
        void anUpgradeNeedsNoReasonButMustFitTheCategory() {
            SupportCase sev2 = supportCase("acme", null, Severity.SEV2, Category.ACCESS_POINTS_UNREACHABLE, ACME_HELPDESK);

            assertThat(rules.changeSeverity(CONSULTANT, sev2, new ChangeSeverity(Severity.SEV1, Category.ALL_USERS_CANNOT_CONNECT, null)))
                    .isEqualTo(Category.ALL_USERS_CANNOT_CONNECT);
            assertRefused(() -> rules.changeSeverity(CONSULTANT, sev2, new ChangeSeverity(Severity.SEV1, null, null)),
                    RefusalReason.SEVERITY_NOT_ALLOWED_FOR_CATEGORY, "give the category the case belongs in");
            assertRefused(() -> rules.changeSeverity(CONSULTANT, sev2, new ChangeSeverity(Severity.SEV2, null, null)),
                    RefusalReason.SEVERITY_UNCHANGED, "already is SEV2");
        }

        @Test
        void aDisagreementNeedsEveryPartOfItsDocumentationAndListsWhatIsMissing() {
            Refusal refusal = refusal(() -> rules.raiseDisagreement(ACME_HELPDESK, acmeSev1,
                    new RaiseDisagreement(new RaiseDisagreement.Documentation(List.of(" "), "Issue", null, "", "Reason"), null)));

            assertThat(refusal.reason()).isEqualTo(RefusalReason.DISAGREEMENT_DOCUMENTATION_INCOMPLETE);
            assertThat(refusal.getMessage()).endsWith("missing: the original case number(s), the progress to date, the impact on the customer");
            assertThat(refusal.details().get("missing")).isEqualTo(List.of("caseNumbers", "progressToDate", "customerImpact"));
            assertThat(refusal.problems()).extracting(FieldProblem::field)
                    .containsExactly("documentation.caseNumbers", "documentation.progressToDate", "documentation.customerImpact");
        }

        @Test
        void aCompleteDisagreementIsAcceptedFromTheCustomerSideOrAConsultant() {
            RaiseDisagreement complete = new RaiseDisagreement(
                    new RaiseDisagreement.Documentation(List.of("c00000001", "C-0000-0001"), "Issue", "Progress", "Impact", "Reason"), null);

            assertThat(rules.raiseDisagreement(ACME_HELPDESK, acmeSev1, complete)).containsExactly("C-0000-0001");
            assertThat(rules.raiseDisagreement(CONSULTANT, acmeSev1, complete)).containsExactly("C-0000-0001");
            assertRefused(() -> rules.raiseDisagreement(GLOBEX_HELPDESK, acmeSev1, complete), RefusalReason.OTHER_ORGANISATION, "");
            assertRefused(() -> rules.raiseDisagreement(GLOBEX_HELPDESK, globexCase, complete), RefusalReason.PARTNER_SERVED_CUSTOMER,
                    "raised by the partner's helpdesk");
            assertThat(rules.raiseDisagreement(NORTHWIND_HELPDESK, globexCase, complete)).isNotEmpty();
        }

        @Test
        void documentedCaseNumbersMustBeCaseNumbers() {
            RaiseDisagreement bad = new RaiseDisagreement(
                    new RaiseDisagreement.Documentation(List.of("C-0000-0001", "ticket 7"), "Issue", "Progress", "Impact", "Reason"), null);

            Refusal refusal = refusal(() -> rules.raiseDisagreement(ACME_HELPDESK, acmeSev1, bad));

            assertThat(refusal.problems()).extracting(FieldProblem::field).containsExactly("documentation.caseNumbers[1]");
        }

        @Test
        void aResolvedCaseTakesNoMoreCommands() {
            SupportCase resolved = new SupportCase(acmeSev1.number(), acmeSev1.severity(), acmeSev1.category(), acmeSev1.opening(),
                    null, null, null, 60, List.of(), List.of(),
                    new SupportCase.Resolution(NOW, ActorRef.of(CONSULTANT), "Fixed"), List.of());

            assertRefused(() -> rules.respond(CONSULTANT, resolved), RefusalReason.CASE_RESOLVED, "open a new case");
            assertRefused(() -> rules.logHotlineCall(CONSULTANT, resolved, new LogHotlineCall(null, null, null, null, null), NOW),
                    RefusalReason.CASE_RESOLVED, "");
            assertRefused(() -> rules.resolve(CONSULTANT, resolved), RefusalReason.CASE_RESOLVED, "");
        }
    }

    static SupportCase supportCase(String customer, String partner, Severity severity, Category category, Caller openedBy) {
        SupportCase.Opening opening = new SupportCase.Opening(severity, category, "Title", "Description", customer,
                DIRECTORY.customer(customer).orElseThrow().name(), partner, Region.EMEA, ActorRef.of(openedBy),
                SubmissionChannel.PORTAL_HTTP, false, NOW, null);
        return new SupportCase(CaseNumber.of(1), severity, category, opening, null, null, null, 60, List.of(), List.of(), null,
                List.of());
    }

    static SupportCase responded(SupportCase supportCase) {
        return new SupportCase(supportCase.number(), supportCase.severity(), supportCase.category(), supportCase.opening(),
                ActorRef.of(CONSULTANT), NOW, null, 60, List.of(), List.of(), null, List.of());
    }

    static Refusal refusal(ThrowingCallable call) {
        try {
            call.call();
        } catch (Refusal refusal) {
            return refusal;
        } catch (Throwable other) {
            throw new AssertionError("expected a refusal, got " + other, other);
        }
        throw new AssertionError("expected a refusal");
    }

    static void assertRefused(ThrowingCallable call, RefusalReason reason, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.reason()).isEqualTo(reason);
            assertThat(refusal.getMessage() + " " + refusal.problems()).contains(messagePart);
        });
    }
}
