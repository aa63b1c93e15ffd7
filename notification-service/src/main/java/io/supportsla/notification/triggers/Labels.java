package io.supportsla.notification.triggers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.supportsla.schemas.common.Category;
import io.supportsla.schemas.common.Region;
import io.supportsla.schemas.common.RecipientRole;
import io.supportsla.schemas.common.Severity;
import io.supportsla.schemas.escalation.EscalationReason;

/** The words notifications use for the platform's codes and instants. */
public final class Labels {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm zzz", Locale.ENGLISH);

    private Labels() {
    }

    /** "SEV1", "SEV2", "SEV3", "END_USER_ISSUE": the codes support staff use. */
    public static String severity(Severity severity) {
        return severity == null ? "severity unknown" : severity.name();
    }

    /** The guide's words for a severity. */
    public static String severityDescription(Severity severity) {
        if (severity == null) {
            return "Severity unknown";
        }
        return switch (severity) {
            case SEV1 -> "Severity 1 (high)";
            case SEV2 -> "Severity 2 (medium)";
            case SEV3 -> "Severity 3 (low)";
            default -> "End-user issue";
        };
    }

    /** The PagerDuty severity of a case severity; an unknown severity pages as critical. */
    public static String pagerSeverity(Severity severity) {
        if (severity == null) {
            return "critical";
        }
        return switch (severity) {
            case SEV1 -> "critical";
            case SEV2 -> "error";
            case SEV3 -> "warning";
            default -> "info";
        };
    }

    public static String category(Category category) {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case END_USER_CONNECTIVITY -> "End-user connectivity";
            case END_USER_AVAILABILITY -> "End-user availability question";
            case END_USER_FUNCTIONALITY -> "End-user functionality question";
            case END_USER_BILLING -> "End-user billing question";
            case VIP_USER -> "VIP user needs immediate help";
            case ALL_USERS_CANNOT_CONNECT -> "RoamServer down or all users cannot connect";
            case HOSTED_ADMIN -> "Hosted Admin problem";
            case EXPRESSCONNECT_MANAGED_SERVICES -> "ExpressConnect Managed Services problem";
            case USER_MANAGEMENT -> "User Management problem";
            case RESTRICTED_COUNTRY_BLOCKING -> "Blocking of restricted-access countries";
            case ACCESS_POINTS_UNREACHABLE -> "User community cannot connect to remote access points";
            case ROAMSERVER_CONFIGURATION -> "RoamServer configuration request";
            case CLIENT_DEPLOYMENT -> "Trouble deploying the client software";
            case CALL_DETAIL_RECORDS -> "Problem with daily Call Detail Records";
            case PORTAL_CONTENT_OR_ACCESS -> "Portal content or access problem";
            case LIMITED_USERS_AFFECTED -> "Problem affecting a limited number of users";
            case QUESTION_OR_SERVICE_REQUEST -> "Question or service request";
            default -> sentence(category.name());
        };
    }

    public static String region(Region region) {
        if (region == null) {
            return null;
        }
        io.supportsla.calendar.Region office = office(region);
        return region.name() + " (" + office.officeName() + ")";
    }

    public static String reason(EscalationReason reason) {
        return switch (reason) {
            case RESPONSE_BREACH -> "Response target breached";
            case STATUS_UPDATE_BREACH -> "Status update missed";
            case DISAGREEMENT -> "Disagreement on the action plan";
            case ACKNOWLEDGEMENT_TIMEOUT -> "Escalation not acknowledged in time";
            default -> sentence(reason.name());
        };
    }

    public static String role(RecipientRole role) {
        return switch (role) {
            case REGIONAL_CONTACT -> "regional escalation contact";
            case BACKUP_CONTACT -> "backup contact";
            case DIRECTOR -> "Director of Customer Consulting";
            case HOTLINE_ON_CALL -> "hotline on-call";
            case CONSULTING_TEAM -> "consulting team queue";
            case CASE_CONSULTANT -> "case consultant";
            case ON_DUTY_TECHNICIANS -> "on-duty technicians";
            default -> sentence(role.name()).toLowerCase(Locale.ROOT);
        };
    }

    /** "2025-03-11 10:15 UTC (Tue 10:15 GMT in London)"; without a region, UTC only. */
    public static String instant(Instant instant, Region region) {
        if (instant == null) {
            return null;
        }
        if (region == null) {
            return UTC.format(instant);
        }
        io.supportsla.calendar.Region office = office(region);
        ZoneId zone = office.zone();
        return UTC.format(instant) + " (" + LOCAL.format(instant.atZone(zone)) + " in " + office.officeName() + ")";
    }

    /** Minutes as "45 min" or "2 h 5 min". */
    public static String minutes(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    static io.supportsla.calendar.Region office(Region region) {
        return io.supportsla.calendar.Region.valueOf(region.name());
    }

    private static String sentence(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
