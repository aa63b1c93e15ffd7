package io.supportsla.intake;

import io.supportsla.intake.casenumbers.CaseNumber;
import io.supportsla.intake.casenumbers.CaseNumberClaim;
import io.supportsla.intake.casenumbers.CaseNumberClaims;
import io.supportsla.intake.cases.CaseEventPublisher;
import io.supportsla.intake.cases.CaseEvents;
import io.supportsla.intake.cases.CaseProjection;
import io.supportsla.intake.cases.ChangeSeverity;
import io.supportsla.intake.cases.IntakeUnavailableException;
import io.supportsla.intake.cases.LogHotlineCall;
import io.supportsla.intake.cases.OpenCase;
import io.supportsla.intake.cases.PostResponse;
import io.supportsla.intake.cases.PostStatusUpdate;
import io.supportsla.intake.cases.RaiseDisagreement;
import io.supportsla.intake.cases.ResolveCase;
import io.supportsla.intake.cases.SupportCase;
import io.supportsla.intake.cases.Transport;
import io.supportsla.intake.idempotency.IdempotencyKey;
import io.supportsla.intake.idempotency.IdempotentCreation;
import io.supportsla.intake.idempotency.RequestFingerprint;
import io.supportsla.intake.idempotency.ScopedKey;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.intake.rules.Action;
import io.supportsla.intake.rules.CaseOpening;
import io.supportsla.intake.rules.HotlineCallDetails;
import io.supportsla.intake.rules.IntakeRules;
import io.supportsla.intake.rules.Refusal;
import io.supportsla.intake.rules.RefusalReason;
import io.supportsla.intake.view.CaseView;
import io.supportsla.schemas.cases.CaseEvent;
import io.supportsla.schemas.common.Category;
import io.supportsla.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * intake's use cases, whatever the channel: open a case, act on one, read them. Each checks the
 * rules ({@link IntakeRules}) against the case as known from the topic ({@link CaseView}), then
 * publishes one event and answers only once the broker has it. A refusal publishes nothing.
 */
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    private final IntakeRules rules;
    private final CaseView view;
    private final CaseNumberClaims numbers;
    private final IdempotentCreation idempotency;
    private final RequestFingerprint fingerprints;
    private final CaseEventPublisher publisher;
    private final IntakeMetrics metrics;
    private final Clock clock;
    private final Duration retryAfter;
    // Commands on one case are decided one at a time on an instance: each sees the one before.
    private final ReentrantLock[] caseLocks = new ReentrantLock[64];

    public CaseIntake(IntakeRules rules, CaseView view, CaseNumberClaims numbers, IdempotentCreation idempotency,
                      RequestFingerprint fingerprints, CaseEventPublisher publisher, IntakeMetrics metrics, Clock clock,
                      Duration retryAfter) {
        this.rules = rules;
        this.view = view;
        this.numbers = numbers;
        this.idempotency = idempotency;
        this.fingerprints = fingerprints;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.retryAfter = retryAfter;
        for (int i = 0; i < caseLocks.length; i++) {
            caseLocks[i] = new ReentrantLock();
        }
    }

    /** Refuses a caller whose role may not take the action at all, before anything else is looked at. */
    public void requireRole(Caller caller, Action action) {
        rules.requireRole(caller, action);
    }

    /**
     * Opens a case: checks the rules, claims a case number (with the idempotency key, if any),
     * publishes {@code CaseCreated} and returns once the broker has acknowledged it. A retry with
     * the same key returns the first request's case without publishing anything.
     */
    public CaseCreation open(Caller caller, OpenCase request, Transport transport, Optional<IdempotencyKey> key) {
        Instant receivedAt = now();
        rules.requireRole(caller, Action.OPEN_CASE);
        Optional<ScopedKey> scopedKey = key.map(idempotencyKey -> new ScopedKey(caller.organisation(), idempotencyKey.value()));
        String fingerprint = scopedKey.isPresent() ? fingerprints.of(request) : null;
        if (scopedKey.isPresent()) {
            // A retry gets the first result, even if the rules or the directory changed in between.
            Optional<CaseNumber> earlier = idempotency.earlierResult(scopedKey.get(), fingerprint);
            if (earlier.isPresent()) {
                return replay(earlier.get());
            }
        }
        CaseOpening opening = rules.open(caller, request, transport);
        CaseNumberClaim claim;
        Instant publishBy = null;
        if (scopedKey.isPresent()) {
            IdempotentCreation.Outcome outcome = idempotency.claim(scopedKey.get(), fingerprint);
            if (outcome instanceof IdempotentCreation.Replayed replayed) {
                return replay(replayed.number());
            }
            IdempotentCreation.Owned owned = (IdempotentCreation.Owned) outcome;
            claim = owned.claim();
            publishBy = owned.publishBy();
        } else {
            claim = numbers.claim();
        }
        requireUnused(claim.number());
        CaseEvent event = CaseEvents.caseCreated(claim.number(), receivedAt, caller, request, opening.customer(),
                opening.configurationChange(), opening.statusUpdateIntervalMinutes(), opening.submissionChannel(),
                key.map(IdempotencyKey::value).orElse(null));
        if (publishBy != null && clock.instant().isAfter(publishBy)) {
            // Publishing now could end after our claim's lease, when a retry may already have taken the key over.
            throw new IntakeUnavailableException("Recording the case took too long; retry with the same Idempotency-Key",
                    retryAfter, null);
        }
        publisher.publish(event);
        metrics.caseOpened(request.severity(), transport);
        log.info("Opened case {} ({} {}) for {} by {}", claim.number(), request.severity(), request.category(),
                opening.customer().id(), caller);
        return new CaseCreation(CaseProjection.apply(null, event).orElseThrow(), false);
    }

    /** The case, if the caller may see it. */
    public SupportCase read(Caller caller, CaseNumber number) {
        rules.requireRole(caller, Action.READ_CASES);
        SupportCase supportCase = currentOrLastKnown(number);
        rules.requireMaySee(caller, supportCase);
        return supportCase;
    }

    /** The open cases the caller may see, in queue order (SPEC 3.2). */
    public List<SupportCase> openCases(Caller caller) {
        rules.requireRole(caller, Action.READ_CASES);
        try {
            view.awaitCurrent();
        } catch (IntakeUnavailableException e) {
            log.debug("Answering the queue from the view as it is: {}", e.getMessage());
        }
        return view.cases(supportCase -> !supportCase.isResolved() && rules.maySee(caller, supportCase));
    }

    public CommandResult logHotlineCall(Caller caller, CaseNumber number, LogHotlineCall request) {
        return command(caller, number, Action.LOG_HOTLINE_CALL, (current, now) -> {
            HotlineCallDetails call = rules.logHotlineCall(caller, current, request, now);
            return CaseEvents.hotlineCallLogged(number, now, caller, call.calledAt(), call.takenBy(), call.takerName(), request);
        });
    }

    public CommandResult respond(Caller caller, CaseNumber number, PostResponse request) {
        return command(caller, number, Action.RESPOND, (current, now) ->
                CaseEvents.caseResponded(number, now, caller, rules.respond(caller, current), request));
    }

    public CommandResult postStatusUpdate(Caller caller, CaseNumber number, PostStatusUpdate request) {
        return command(caller, number, Action.POST_STATUS_UPDATE, (current, now) -> {
            rules.postStatusUpdate(caller, current);
            return CaseEvents.statusUpdatePosted(number, now, caller, request);
        });
    }

    public CommandResult changeSeverity(Caller caller, CaseNumber number, ChangeSeverity request) {
        return command(caller, number, Action.CHANGE_SEVERITY, (current, now) -> {
            Category category = rules.changeSeverity(caller, current, request);
            return CaseEvents.severityChanged(number, now, caller, current.severity(), request.severity(), category, request.reason());
        });
    }

    public CommandResult raiseDisagreement(Caller caller, CaseNumber number, RaiseDisagreement request) {
        return command(caller, number, Action.RAISE_DISAGREEMENT, (current, now) -> {
            List<String> caseNumbers = rules.raiseDisagreement(caller, current, request);
            return CaseEvents.disagreementRaised(number, now, caller, UUID.randomUUID().toString(), caseNumbers, request);
        });
    }

    public CommandResult resolve(Caller caller, CaseNumber number, ResolveCase request) {
        return command(caller, number, Action.RESOLVE, (current, now) -> {
            rules.resolve(caller, current);
            return CaseEvents.caseResolved(number, now, caller, request);
        });
    }

    private CommandResult command(Caller caller, CaseNumber number, Action action, BiFunction<SupportCase, Instant, CaseEvent> decide) {
        rules.requireRole(caller, action);
        ReentrantLock lock = caseLocks[Math.floorMod(number.hashCode(), caseLocks.length)];
        lock.lock();
        try {
            SupportCase current = view.findCurrent(number).orElseThrow(() -> notFound(number));
            rules.requireMaySee(caller, current);
            CaseEvent event = decide.apply(current, now());
            publisher.publish(event);
            return new CommandResult(event, CaseProjection.apply(current, event).orElse(current));
        } finally {
            lock.unlock();
        }
    }

    private CaseCreation replay(CaseNumber number) {
        SupportCase earlier = view.find(number).or(() -> view.findCurrent(number))
                .orElseThrow(() -> new IntakeUnavailableException("Case " + number + " is not visible yet", retryAfter, null));
        return new CaseCreation(earlier, true);
    }

    /** Reads through the topic when the broker answers; when it does not, answers from what this instance last read. */
    private SupportCase currentOrLastKnown(CaseNumber number) {
        try {
            view.awaitCurrent();
        } catch (IntakeUnavailableException e) {
            return view.find(number).orElseThrow(() -> e);
        }
        return view.find(number).orElseThrow(() -> notFound(number));
    }

    /** Numbers come from offsets that never repeat, unless the claims topic was recreated: never give one out twice. */
    private void requireUnused(CaseNumber number) {
        if (view.contains(number)) {
            log.error("Case number {} is already taken: was intake.case-number-claims recreated? Set intake.case-numbers.base"
                    + " above {}", number, view.highestNumber().orElse(number));
            throw new IntakeUnavailableException("No unused case number could be allocated; operators have been alerted",
                    retryAfter, null);
        }
    }

    private static Refusal notFound(CaseNumber number) {
        return Refusal.of(RefusalReason.CASE_NOT_FOUND, "There is no case " + number);
    }

    private Instant now() {
        // Events carry milliseconds; so does everything derived from them.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
