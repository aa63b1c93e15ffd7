package io.supportsla.sla.api;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA query API. Any instance answers: a case is read from the instance whose state store
 * holds it, the queue is merged from all instances. Instances call each other with
 * {@value SlaQueryService#LOCAL_ONLY_HEADER} so that a forwarded query is answered locally, and with
 * the caller's own credentials (the API needs a support staff key: {@link SlaSecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/v1/sla")
class SlaQueryController {

    private final SlaQueryService queries;

    SlaQueryController(SlaQueryService queries) {
        this.queries = queries;
    }

    /** A case's targets, deadlines, remaining time and state; 404 problem if unknown. */
    @GetMapping("/cases/{caseNumber}")
    CaseSlaView caseSla(@PathVariable String caseNumber,
            @RequestHeader(name = SlaQueryService.LOCAL_ONLY_HEADER, defaultValue = "false") boolean localOnly,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION) String authorization) {
        return queries.findCase(caseNumber, localOnly, authorization);
    }

    /** Open cases in queue order (SEV1, SEV2, SEV3, END_USER_ISSUE, each by receipt) with time to their next deadline. */
    @GetMapping("/queue")
    QueueView queue(@RequestHeader(name = SlaQueryService.LOCAL_ONLY_HEADER, defaultValue = "false") boolean localOnly,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION) String authorization) {
        return queries.queue(localOnly, authorization);
    }
}
