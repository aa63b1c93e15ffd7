package io.supportsla.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportsla.security.Caller;
import io.supportsla.security.Role;
import org.junit.jupiter.api.Test;

class CaseAccessTest {

    static final CaseAccess.Ownership ACME_CASE = new CaseAccess.Ownership("acme", null, "acme-helpdesk");
    static final CaseAccess.Ownership GLOBEX_CASE = new CaseAccess.Ownership("globex", "northwind", "northwind-helpdesk");

    @Test
    void staffSeeEveryCaseEvenOneWhoseOrganisationIsNotKnownYet() {
        for (Role role : new Role[] {Role.CONSULTANT, Role.ANSWERING_SERVICE}) {
            Caller staff = new Caller("someone", "supportsla", role);
            assertThat(CaseAccess.maySee(staff, ACME_CASE)).isTrue();
            assertThat(CaseAccess.maySee(staff, GLOBEX_CASE)).isTrue();
            assertThat(CaseAccess.maySee(staff, null)).isTrue();
        }
    }

    @Test
    void aHelpdeskSeesTheCasesOfItsOrganisationAsCustomerOrServingPartner() {
        assertThat(CaseAccess.maySee(new Caller("acme-helpdesk", "acme", Role.HELPDESK), ACME_CASE)).isTrue();
        assertThat(CaseAccess.maySee(new Caller("acme-helpdesk", "acme", Role.HELPDESK), GLOBEX_CASE)).isFalse();
        assertThat(CaseAccess.maySee(new Caller("northwind-helpdesk", "northwind", Role.HELPDESK), GLOBEX_CASE)).isTrue();
        assertThat(CaseAccess.maySee(new Caller("northwind-helpdesk", "northwind", Role.HELPDESK), ACME_CASE)).isFalse();
        assertThat(CaseAccess.maySee(new Caller("acme-helpdesk", "acme", Role.HELPDESK), null)).isFalse();
    }

    @Test
    void anEndUserSeesOnlyWhatTheyOpened() {
        CaseAccess.Ownership opened = new CaseAccess.Ownership("acme", null, "acme-end-user");
        assertThat(CaseAccess.maySee(new Caller("acme-end-user", "acme", Role.END_USER), opened)).isTrue();
        assertThat(CaseAccess.maySee(new Caller("acme-end-user", "acme", Role.END_USER), ACME_CASE)).isFalse();
    }

    @Test
    void onlyConsultantsAcknowledge() {
        assertThat(CaseAccess.mayAcknowledge(new Caller("jane", "supportsla", Role.CONSULTANT))).isTrue();
        assertThat(CaseAccess.mayAcknowledge(new Caller("answering-service", "supportsla", Role.ANSWERING_SERVICE))).isFalse();
        assertThat(CaseAccess.mayAcknowledge(new Caller("acme-helpdesk", "acme", Role.HELPDESK))).isFalse();
    }
}
