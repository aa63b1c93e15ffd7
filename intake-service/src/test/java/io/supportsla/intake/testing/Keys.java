package io.supportsla.intake.testing;

/** The API keys of the tests: the documented local demo keys, and the extra ones of application-it.yml. */
public final class Keys {

    public static final String ACME_HELPDESK = "local-acme-helpdesk-key";
    public static final String NORTHWIND_HELPDESK = "local-northwind-helpdesk-key";
    public static final String CONSULTANT = "local-consultant-key";
    public static final String ACME_END_USER = "local-acme-end-user-key";
    public static final String ANSWERING_SERVICE = "local-answering-service-key";

    public static final String INITECH_HELPDESK = "it-initech-helpdesk-key";
    public static final String INITECH_END_USER = "it-initech-end-user-key";
    public static final String GLOBEX_HELPDESK = "it-globex-helpdesk-key";
    public static final String OTHER_CONSULTANT = "it-bob-consultant-key";
    /** acme's helpdesk with a request limit of 3 an hour (application-it.yml). */
    public static final String THROTTLED_HELPDESK = "it-throttled-helpdesk-key";

    private Keys() {
    }
}
