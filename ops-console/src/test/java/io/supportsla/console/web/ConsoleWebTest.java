package io.supportsla.console.web;

import static io.supportsla.console.testing.Events.breached;
import static io.supportsla.console.testing.Events.caseCreated;
import static io.supportsla.console.testing.Events.escalationRaised;
import static io.supportsla.console.testing.Events.recipient;
import static io.supportsla.console.testing.Events.responseTarget;
import static io.supportsla.console.testing.Events.timerStarted;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
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
}
