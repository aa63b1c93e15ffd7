package io.supportsla.console.web;

import static io.supportsla.console.testing.Events.breached;
import static io.supportsla.console.testing.Events.caseCreated;
import static io.supportsla.console.testing.Events.escalationRaised;
import static io.supportsla.console.testing.Events.recipient;
import static io.supportsla.console.testing.Events.responseTarget;
import static io.supportsla.console.testing.Events.timerStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.supportsla.console.acknowledgement.AcknowledgementOutcome;
import io.supportsla.console.acknowledgement.EscalationServiceClient;
import io.supportsla.console.kafka.TopicsReader;
import io.supportsla.console.testing.Events.Customer;
import io.supportsla.console.view.ConsoleView;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationReason;
import io.supportsla.schemas.sla.SlaTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The console's pages, sign-in, acknowledgement and security over MockMvc, with the real view fed
 * events directly (no broker: the topic reader is replaced) and escalation-service replaced by a mock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("local")
class ConsoleWebTest {

    static final String CONSULTANT_KEY = "local-consultant-key";
    static final String ACME_HELPDESK_KEY = "local-acme-helpdesk-key";
    static final String NORTHWIND_HELPDESK_KEY = "local-northwind-helpdesk-key";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final AtomicInteger NUMBERS = new AtomicInteger(100);

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsoleView view;

    @MockitoBean
    TopicsReader topicsReader;

    @MockitoBean
    EscalationServiceClient escalationService;

    static String newCaseNumber() {
        return String.format("C-0001-%04d", NUMBERS.incrementAndGet());
    }

    String openCase(Severity severity, Customer customer, Duration receivedBeforeNow) {
        String number = newCaseNumber();
        view.apply(caseCreated(number, severity, customer, NOW.minus(receivedBeforeNow)));
        return number;
    }

    String raiseEscalation(String caseNumber) {
        String escalationId = caseNumber + "-E1";
        view.apply(escalationRaised(caseNumber, escalationId, 1, EscalationReason.RESPONSE_BREACH,
                recipient("London contact", RecipientRole.REGIONAL_CONTACT), NOW, NOW.plus(Duration.ofMinutes(15)), null));
        return escalationId;
    }

    MockHttpSession signIn(String key) throws Exception {
        MvcResult result = mvc.perform(post("/sign-in").param("apiKey", key).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    // ---- sign-in ----

    @Test
    void pagesSendPeopleWhoAreNotSignedInToTheSignInFormAndBack() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
        mvc.perform(get("/cases/C-0000-0042")).andExpect(redirectedUrl("/sign-in?next=%2Fcases%2FC-0000-0042"));
    }

    @Test
    void fragmentsAndTheLiveStreamAnswer401WhenNotSignedIn() throws Exception {
        mvc.perform(get("/fragments/queue")).andExpect(status().isUnauthorized());
        mvc.perform(get("/live")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownKeyIsRefused() throws Exception {
        MvcResult result = mvc.perform(post("/sign-in").param("apiKey", "not-a-key").with(csrf()))
                .andExpect(status().isUnauthorized()).andReturn();
        assertThat(body(result)).contains("That API key is not known");
    }

    @Test
    void signingInNeedsThePagesCsrfToken() throws Exception {
        mvc.perform(post("/sign-in").param("apiKey", CONSULTANT_KEY)).andExpect(status().isForbidden());
    }

    @Test
    void signingInStartsAFreshSessionAndGoesBackToThePageAskedFor() throws Exception {
        MockHttpSession before = new MockHttpSession();
        MvcResult result = mvc.perform(post("/sign-in").session(before).param("apiKey", CONSULTANT_KEY)
                        .param("next", "/cases/C-0000-0042").with(csrf()))
                .andExpect(redirectedUrl("/cases/C-0000-0042"))
                .andReturn();

        assertThat(before.isInvalid()).as("the session from before sign-in is dropped").isTrue();
        assertThat(result.getRequest().getSession(false)).isNotSameAs(before);
    }

    @Test
    void signingInNeverSendsTheBrowserToAnotherSite() throws Exception {
        mvc.perform(post("/sign-in").param("apiKey", CONSULTANT_KEY).param("next", "//evil.example/").with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/sign-in").param("apiKey", CONSULTANT_KEY).param("next", "https://evil.example/").with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        MockHttpSession session = signIn(CONSULTANT_KEY);

        mvc.perform(post("/sign-out").session(session).with(csrf())).andExpect(redirectedUrl("/sign-in?signed-out"));

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    // ---- what people see ----

    @Test
    void theQueueListsCasesInQueueOrderWithTheirCountdownAndState() throws Exception {
        String sev3 = openCase(Severity.SEV3, Customer.ACME, Duration.ofMinutes(30));
        String sev1 = openCase(Severity.SEV1, Customer.GLOBEX, Duration.ofMinutes(10));
        SlaTarget target = responseTarget(Severity.SEV1, NOW.minus(Duration.ofMinutes(70)), NOW.minus(Duration.ofMinutes(10)));
        view.apply(timerStarted(sev1, target, NOW.minus(Duration.ofMinutes(70))));
        view.apply(breached(sev1, target, NOW.minus(Duration.ofMinutes(10))));
        MockHttpSession session = signIn(CONSULTANT_KEY);

        String queue = body(mvc.perform(get("/fragments/queue").session(session)).andExpect(status().isOk()).andReturn());

        assertThat(queue.indexOf("data-case=\"" + sev1 + "\"")).isPositive().isLessThan(queue.indexOf("data-case=\"" + sev3 + "\""));
        assertThat(queue).contains("state-breached").contains("data-deadline=\"" + target.getDeadline().toEpochMilli() + "\"")
                .contains("10m 00s overdue");
    }

    @Test
    void theDashboardShowsTheThreeLivePanelsAndWhoIsSignedIn() throws Exception {
        MockHttpSession session = signIn(CONSULTANT_KEY);

        String page = body(mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn());

        assertThat(page).contains("data-live=\"/fragments/queue\"", "data-live=\"/fragments/escalations\"",
                "data-live=\"/fragments/notifications\"", "jane-consultant", "/console.js");
    }

    @Test
    void aHelpdeskSeesOnlyItsOrganisationsCasesEscalationsAndCasePages() throws Exception {
        String acme = openCase(Severity.SEV1, Customer.ACME, Duration.ofMinutes(5));
        String globex = openCase(Severity.SEV1, Customer.GLOBEX, Duration.ofMinutes(5));
        raiseEscalation(globex);
        MockHttpSession acmeHelpdesk = signIn(ACME_HELPDESK_KEY);
        MockHttpSession partner = signIn(NORTHWIND_HELPDESK_KEY);

        String queue = body(mvc.perform(get("/fragments/queue").session(acmeHelpdesk)).andReturn());
        assertThat(queue).contains(acme).doesNotContain(globex);
        assertThat(body(mvc.perform(get("/fragments/escalations").session(acmeHelpdesk)).andReturn())).doesNotContain(globex);
        mvc.perform(get("/cases/" + globex).session(acmeHelpdesk)).andExpect(status().isNotFound());

        assertThat(body(mvc.perform(get("/fragments/queue").session(partner)).andReturn())).contains(globex).doesNotContain(acme);
        mvc.perform(get("/cases/" + globex).session(partner)).andExpect(status().isOk());
    }

    @Test
    void onlyConsultantsGetTheAcknowledgeButton() throws Exception {
        String globex = openCase(Severity.SEV1, Customer.GLOBEX, Duration.ofMinutes(5));
        raiseEscalation(globex);

        String forPartner = body(mvc.perform(get("/fragments/escalations").session(signIn(NORTHWIND_HELPDESK_KEY))).andReturn());
        String forConsultant = body(mvc.perform(get("/fragments/escalations").session(signIn(CONSULTANT_KEY))).andReturn());

        assertThat(forPartner).contains(globex + "-E1").doesNotContain("Acknowledge " + globex);
        assertThat(forConsultant).contains("Acknowledge " + globex + "-E1").contains("name=\"_csrf\"");
    }

    @Test
    void theCasePageShowsTheTimelineOfAllFourTopics() throws Exception {
        String number = openCase(Severity.SEV1, Customer.ACME, Duration.ofMinutes(5));
        SlaTarget target = responseTarget(Severity.SEV1, NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(55)));
        view.apply(timerStarted(number, target, NOW.minus(Duration.ofMinutes(5))));
        raiseEscalation(number);
        view.apply(io.supportsla.console.testing.Events.notificationSent(number, "n-" + number, NOW));

        String page = body(mvc.perform(get("/cases/" + number).session(signIn(CONSULTANT_KEY))).andExpect(status().isOk()).andReturn());

        assertThat(page).contains("data-type=\"CaseCreated\"", "data-type=\"SlaTimerStarted\"", "data-type=\"EscalationRaised\"",
                "data-type=\"NotificationSent\"", "55m 00s left");
    }

    @Test
    void anUnknownCaseIs404() throws Exception {
        mvc.perform(get("/cases/C-9999-9999").session(signIn(CONSULTANT_KEY))).andExpect(status().isNotFound());
        mvc.perform(get("/fragments/cases/C-9999-9999").session(signIn(CONSULTANT_KEY))).andExpect(status().isNotFound());
    }

    // ---- acknowledging ----

    @Test
    void acknowledgingCallsEscalationServiceWithTheConsultantsOwnKeyAndGoesBack() throws Exception {
        String number = openCase(Severity.SEV1, Customer.ACME, Duration.ofMinutes(5));
        String escalationId = raiseEscalation(number);
        when(escalationService.acknowledge(escalationId, CONSULTANT_KEY)).thenReturn(new AcknowledgementOutcome.Accepted(escalationId));

        mvc.perform(post("/escalations/" + escalationId + "/acknowledgement").param("returnTo", "/cases/" + number)
                        .session(signIn(CONSULTANT_KEY)).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + number))
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.containsString("sent")));

        verify(escalationService).acknowledge(escalationId, CONSULTANT_KEY);
        assertThat(view.escalations(new io.supportsla.security.Caller("jane-consultant", "supportsla",
                io.supportsla.security.Role.CONSULTANT))).filteredOn(entry -> entry.escalationId().equals(escalationId))
                .singleElement().satisfies(entry -> assertThat(entry.acknowledgementRequestedBy()).isEqualTo("jane-consultant"));
    }

    @Test
    void aRefusalFromEscalationServiceIsShownAsAnError() throws Exception {
        String number = openCase(Severity.SEV1, Customer.ACME, Duration.ofMinutes(5));
        String escalationId = raiseEscalation(number);
        when(escalationService.acknowledge(escalationId, CONSULTANT_KEY))
                .thenReturn(new AcknowledgementOutcome.NotAcknowledgeable(escalationId, 409, "Escalation is CLOSED"));

        mvc.perform(post("/escalations/" + escalationId + "/acknowledgement").session(signIn(CONSULTANT_KEY)).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("flashError", org.hamcrest.Matchers.containsString("CLOSED")));
    }

    @Test
    void acknowledgingNeedsThePagesCsrfToken() throws Exception {
        String escalationId = raiseEscalation(openCase(Severity.SEV1, Customer.ACME, Duration.ofMinutes(5)));

        mvc.perform(post("/escalations/" + escalationId + "/acknowledgement").session(signIn(CONSULTANT_KEY)))
                .andExpect(status().isForbidden());

        verify(escalationService, never()).acknowledge(anyString(), anyString());
    }

    @Test
    void onlyConsultantsMayAcknowledge() throws Exception {
        String escalationId = raiseEscalation(openCase(Severity.SEV1, Customer.ACME, Duration.ofMinutes(5)));

        mvc.perform(post("/escalations/" + escalationId + "/acknowledgement").session(signIn(ACME_HELPDESK_KEY)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/escalations/" + escalationId + "/acknowledgement").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));

        verify(escalationService, never()).acknowledge(anyString(), anyString());
    }

    @Test
    void anEscalationTheConsoleDoesNotKnowIsNotSentOn() throws Exception {
        mvc.perform(post("/escalations/C-9999-9999-E1/acknowledgement").session(signIn(CONSULTANT_KEY)).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("flashError", "There is no escalation C-9999-9999-E1."));

        verify(escalationService, never()).acknowledge(any(), any());
    }

    /** Who may do what, page by page: the console's rows of the access matrix in docs/reliability.md. */
    @Nested
    class AccessMatrix {

        static final String ANSWERING_SERVICE_KEY = "local-answering-service-key";
        static final String ACME_END_USER_KEY = "local-acme-end-user-key";

        @ParameterizedTest(name = "{0} {1} as {2}: {3}")
        @CsvSource(delimiter = '|', textBlock = """
                GET  | /sign-in                          | not signed in      | 200
                GET  | /                                 | not signed in      | 302
                GET  | /                                 | consultant         | 200
                GET  | /                                 | acme helpdesk      | 200
                GET  | /                                 | northwind helpdesk | 200
                GET  | /                                 | acme end user      | 200
                GET  | /                                 | answering service  | 200
                GET  | /cases/{n}                        | not signed in      | 302
                GET  | /cases/{n}                        | consultant         | 200
                GET  | /cases/{n}                        | acme helpdesk      | 200
                GET  | /cases/{n}                        | northwind helpdesk | 404
                GET  | /cases/{n}                        | acme end user      | 404
                GET  | /cases/{n}                        | answering service  | 200
                GET  | /fragments/queue                  | not signed in      | 401
                GET  | /fragments/queue                  | acme helpdesk      | 200
                GET  | /fragments/cases/{n}              | not signed in      | 401
                GET  | /fragments/cases/{n}              | consultant         | 200
                GET  | /fragments/cases/{n}              | northwind helpdesk | 404
                GET  | /fragments/cases/{n}              | acme end user      | 404
                GET  | /live                             | not signed in      | 401
                POST | /escalations/{id}/acknowledgement | not signed in      | 302
                POST | /escalations/{id}/acknowledgement | consultant         | 302
                POST | /escalations/{id}/acknowledgement | acme helpdesk      | 403
                POST | /escalations/{id}/acknowledgement | northwind helpdesk | 403
                POST | /escalations/{id}/acknowledgement | acme end user      | 403
                POST | /escalations/{id}/acknowledgement | answering service  | 403
                POST | /sign-out                         | consultant         | 302
                GET  | /actuator/health/liveness         | not signed in      | 200
                """)
        void eachCallerGetsWhatTheMatrixSays(String method, String path, String caller, int status) throws Exception {
            String number = openCase(Severity.SEV1, Customer.ACME, Duration.ofMinutes(5));
            String escalationId = raiseEscalation(number);
            when(escalationService.acknowledge(escalationId, CONSULTANT_KEY))
                    .thenReturn(new AcknowledgementOutcome.Accepted(escalationId));
            String url = path.replace("{n}", number).replace("{id}", escalationId);
            var request = (method.equals("GET") ? get(url) : post(url).with(csrf()));
            String key = switch (caller) {
                case "consultant" -> CONSULTANT_KEY;
                case "acme helpdesk" -> ACME_HELPDESK_KEY;
                case "northwind helpdesk" -> NORTHWIND_HELPDESK_KEY;
                case "acme end user" -> ACME_END_USER_KEY;
                case "answering service" -> ANSWERING_SERVICE_KEY;
                default -> null;
            };
            if (key != null) {
                request.session(signIn(key));
            }

            mvc.perform(request).andExpect(status().is(status));

            if (url.endsWith("/acknowledgement") && !caller.equals("consultant")) {
                verify(escalationService, never()).acknowledge(anyString(), anyString());
            }
        }

        @Test
        void anUnknownKeySignsNobodyIn() throws Exception {
            MvcResult result = mvc.perform(post("/sign-in").param("apiKey", "not-a-key").with(csrf()))
                    .andExpect(status().isUnauthorized()).andReturn();

            assertThat(result.getRequest().getSession(false) == null
                    || result.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT") == null).isTrue();
        }
    }

    /** Hostile keys, paths, return addresses and ids on sign-in and acknowledge: refused or kept local, never a 5xx. */
    @Nested
    class HostileInput {

        @TestFactory
        Stream<DynamicTest> hostileKeysSignNobodyIn() {
            Stream<String> handWritten = Stream.of(io.supportsla.testing.http.HostileInput.injectionStrings(),
                    io.supportsla.testing.http.HostileInput.forbiddenText()).flatMap(List::stream).map(sample -> sample.value());
            Stream<String> generated = io.supportsla.testing.http.HostileInput.samples(
                    Arbitraries.strings().all().ofMaxLength(300), 5, 40).stream();
            return Stream.concat(handWritten, generated).map(key -> dynamicTest(abbreviate(key), () ->
                    mvc.perform(post("/sign-in").param("apiKey", key).with(csrf())).andExpect(status().isUnauthorized())));
        }

        @TestFactory
        Stream<DynamicTest> hostileReturnAddressesStayOnTheConsole() {
            List<String> addresses = List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
                    "javascript:alert(1)", "/%2F%2Fevil.example", "/cases/x\r\nSet-Cookie: stolen=1", "http:/evil.example",
                    "/" + "a".repeat(5_000), "");
            return addresses.stream().flatMap(address -> Stream.of(
                    dynamicTest("sign-in next=" + abbreviate(address), () -> {
                        MvcResult result = mvc.perform(post("/sign-in").param("apiKey", CONSULTANT_KEY).param("next", address)
                                .with(csrf())).andExpect(status().isFound()).andReturn();
                        assertLocal(result.getResponse().getRedirectedUrl());
                    }),
                    dynamicTest("acknowledge returnTo=" + abbreviate(address), () -> {
                        MvcResult result = mvc.perform(post("/escalations/C-9999-9999-E1/acknowledgement").param("returnTo", address)
                                .session(signIn(CONSULTANT_KEY)).with(csrf())).andExpect(status().isFound()).andReturn();
                        assertLocal(result.getResponse().getRedirectedUrl());
                    })));
        }

        @TestFactory
        Stream<DynamicTest> hostileEscalationIdsAndCaseNumbersAreNotFoundAndNeverSentOn() {
            Stream<String> ids = Stream.concat(io.supportsla.testing.http.HostileInput.injectionStrings().stream().map(s -> s.value()),
                    io.supportsla.testing.http.HostileInput.samples(
                            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40), 6, 30).stream());
            return ids.map(id -> dynamicTest(abbreviate(id), () -> {
                MockHttpSession consultant = signIn(CONSULTANT_KEY);
                MvcResult acknowledged = mvc.perform(post("/escalations/{id}/acknowledgement", id).session(consultant).with(csrf()))
                        .andReturn();
                assertThat(acknowledged.getResponse().getStatus()).as("acknowledge %s", id).isBetween(300, 499);
                MvcResult page = mvc.perform(get("/cases/{n}", id).session(consultant)).andReturn();
                assertThat(page.getResponse().getStatus()).as("case page %s", id).isBetween(400, 499);
                verify(escalationService, never()).acknowledge(anyString(), anyString());
            }));
        }

        @Test
        void anEscalationIdFullOfMarkupIsShownAsText() throws Exception {
            MvcResult acknowledged = mvc.perform(post("/escalations/{id}/acknowledgement", "<img src=x onerror=alert(1)>")
                    .session(signIn(CONSULTANT_KEY)).with(csrf())).andExpect(redirectedUrl("/")).andReturn();

            String page = body(mvc.perform(get("/").session(signIn(CONSULTANT_KEY)).flashAttrs(acknowledged.getFlashMap()))
                    .andExpect(status().isOk()).andReturn());

            assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x onerror");
        }

        private static void assertLocal(String location) {
            assertThat(location).as("redirect").startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\")
                    .doesNotContain("\r", "\n");
        }

        private static String abbreviate(String text) {
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }
}
