package io.supportsla.intake.api;

import io.supportsla.intake.CaseIntake;
import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.intake.cases.ChangeSeverity;
import io.supportsla.intake.cases.LogHotlineCall;
import io.supportsla.intake.cases.OpenCase;
import io.supportsla.intake.cases.PostResponse;
import io.supportsla.intake.cases.PostStatusUpdate;
import io.supportsla.intake.cases.RaiseDisagreement;
import io.supportsla.intake.cases.ResolveCase;
import io.supportsla.intake.cases.Transport;
import io.supportsla.intake.CaseCreation;
import io.supportsla.intake.CommandResult;
import io.supportsla.intake.idempotency.IdempotencyKey;
import io.supportsla.intake.rules.Action;
import io.supportsla.intake.rules.FieldProblem;
import io.supportsla.intake.rules.Refusal;
import io.supportsla.intake.validation.StrictJsonBinder;
import io.supportsla.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The case API under {@code /api/v1/cases}. Translates HTTP to {@link CaseIntake} and back: reads
 * bodies strictly ({@link StrictJsonBinder}), and answers only once the broker has the event.
 */
@RestController
@RequestMapping(path = CasesController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Open cases, act on them, read them")
@SecurityRequirement(name = OpenApiConfiguration.API_KEY)
@ApiResponse(responseCode = "401", description = "No or an invalid API key", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "403", description = "Your role or organisation may not do this", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "400", description = "Malformed body or bad fields, each named in errors", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "503", description = "Kafka or the registry unavailable; nothing recorded; see Retry-After", content = @Content(mediaType = "application/problem+json"))
class CasesController {

    static final String BASE = "/api/v1/cases";

    private final CaseIntake intake;
    private final StrictJsonBinder binder;

    CasesController(CaseIntake intake, StrictJsonBinder binder) {
        this.intake = intake;
        this.binder = binder;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a case", description = "Helpdesks open any severity the category allows; end users END_USER_ISSUE only."
            + " Answers 201 once the CaseCreated event is acknowledged by the broker. With an Idempotency-Key, a retry returns the"
            + " first result (header Idempotent-Replayed: true) and publishes nothing; the same key with a different body is 422.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = OpenCase.class))))
    @ApiResponse(responseCode = "201", description = "Case opened; Location names it")
    @ApiResponse(responseCode = "409", description = "A request with this Idempotency-Key is still in progress; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Refused by a rule (reason says which)", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<CaseCreatedResponse> open(
            @AuthenticationPrincipal Caller caller,
            @Parameter(description = "Makes a retried request return the first result; 1-255 visible ASCII characters, e.g. a UUID")
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
            @RequestBody JsonNode body) {
        intake.requireRole(caller, Action.OPEN_CASE);
        var key = IdempotencyKey.fromHeader(idempotencyKey);
        OpenCase request = binder.bind(body, OpenCase.class);
        CaseCreation creation = intake.open(caller, request, Transport.HTTP, key);
        ResponseEntity.BodyBuilder response = ResponseEntity.created(location(creation.supportCase().number()));
        if (creation.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(CaseCreatedResponse.of(creation.supportCase()));
    }

    @GetMapping
    @Operation(summary = "Your organisation's open cases, in queue order",
            description = "SEV1 first, then SEV2, SEV3 and END_USER_ISSUE, each in order of receipt. Consultants see the whole queue.")
    QueueResponse queue(@AuthenticationPrincipal Caller caller) {
        return QueueResponse.of(intake.openCases(caller));
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "A case, as known from its events")
    @ApiResponse(responseCode = "404", description = "No such case", content = @Content(mediaType = "application/problem+json"))
    CaseResource read(@AuthenticationPrincipal Caller caller, @PathVariable String caseNumber) {
        return CaseResource.of(intake.read(caller, caseNumber(caseNumber)));
    }

    @PostMapping(path = "/{caseNumber}/hotline-calls", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Log a hotline call against the case (consultants, the answering service)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = LogHotlineCall.class))))
    ResponseEntity<CommandResponse> logHotlineCall(@AuthenticationPrincipal Caller caller, @PathVariable String caseNumber,
                                                   @RequestBody JsonNode body) {
        return command(caller, Action.LOG_HOTLINE_CALL, caseNumber, body, LogHotlineCall.class, intake::logHotlineCall);
    }

    @PostMapping(path = "/{caseNumber}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Respond to the customer (consultants); the first response makes you the point of contact",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PostResponse.class))))
    ResponseEntity<CommandResponse> respond(@AuthenticationPrincipal Caller caller, @PathVariable String caseNumber,
                                            @RequestBody JsonNode body) {
        return command(caller, Action.RESPOND, caseNumber, body, PostResponse.class, intake::respond);
    }

    @PostMapping(path = "/{caseNumber}/status-updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post a status update (consultants, after the first response)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PostStatusUpdate.class))))
    ResponseEntity<CommandResponse> postStatusUpdate(@AuthenticationPrincipal Caller caller, @PathVariable String caseNumber,
                                                     @RequestBody JsonNode body) {
        return command(caller, Action.POST_STATUS_UPDATE, caseNumber, body, PostStatusUpdate.class, intake::postStatusUpdate);
    }

    @PostMapping(path = "/{caseNumber}/severity", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reclassify the case (consultants); a Severity 1 downgrade needs a written reason",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ChangeSeverity.class))))
    ResponseEntity<CommandResponse> changeSeverity(@AuthenticationPrincipal Caller caller, @PathVariable String caseNumber,
                                                   @RequestBody JsonNode body) {
        return command(caller, Action.CHANGE_SEVERITY, caseNumber, body, ChangeSeverity.class, intake::changeSeverity);
    }

    @PostMapping(path = "/{caseNumber}/disagreements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise a disagreement on the action plan, with its written documentation",
            description = "By the helpdesk acting for the customer or by a consultant. Missing documentation is refused with the list"
                    + " of what is missing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = RaiseDisagreement.class))))
    ResponseEntity<CommandResponse> raiseDisagreement(@AuthenticationPrincipal Caller caller, @PathVariable String caseNumber,
                                                      @RequestBody JsonNode body) {
        return command(caller, Action.RAISE_DISAGREEMENT, caseNumber, body, RaiseDisagreement.class, intake::raiseDisagreement);
    }

    @PostMapping(path = "/{caseNumber}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Resolve the case (consultants)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ResolveCase.class))))
    ResponseEntity<CommandResponse> resolve(@AuthenticationPrincipal Caller caller, @PathVariable String caseNumber,
                                            @RequestBody JsonNode body) {
        return command(caller, Action.RESOLVE, caseNumber, body, ResolveCase.class, intake::resolve);
    }

    /** One command on a case, as intake carries it out. */
    @FunctionalInterface
    private interface CaseCommand<T extends Record> {
        CommandResult carryOut(Caller caller, CaseNumber number, T request);
    }

    /**
     * Every command endpoint: the caller's role for the action first (403 before the body is
     * looked at), then the case number and the strictly bound body (400 naming each field), then
     * the command; 200 once its event is acknowledged, with the case as it now is
     * (Content-Location names it).
     */
    private <T extends Record> ResponseEntity<CommandResponse> command(Caller caller, Action action, String caseNumber, JsonNode body,
            Class<T> requestType, CaseCommand<T> command) {
        intake.requireRole(caller, action);
        CaseNumber number = caseNumber(caseNumber);
        CommandResponse response = CommandResponse.of(command.carryOut(caller, number, binder.bind(body, requestType)));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION, location(number).toString()).body(response);
    }

    private static URI location(CaseNumber number) {
        return URI.create(BASE + "/" + number);
    }

    private static CaseNumber caseNumber(String text) {
        return CaseNumber.parse(text).orElseThrow(() -> Refusal.invalid(List.of(
                new FieldProblem("caseNumber", "is not a case number like C-0000-0042 (path parameter)"))));
    }
}
