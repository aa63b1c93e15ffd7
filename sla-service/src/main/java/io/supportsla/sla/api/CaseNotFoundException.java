package io.supportsla.sla.api;

/** No open or recently resolved case with this number: 404. */
public class CaseNotFoundException extends RuntimeException {

    private final String caseNumber;

    public CaseNotFoundException(String caseNumber) {
        super("No SLA state for case " + caseNumber);
        this.caseNumber = caseNumber;
    }

    public String caseNumber() {
        return caseNumber;
    }
}
