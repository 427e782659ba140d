package dev.lapse.agent.confirm;

import dev.lapse.agent.config.Suppressions;
import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.track.EndedOwner;
import dev.lapse.agent.track.OwnerResolver;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Tracker;
import dev.lapse.agent.track.signal.DetachedSubjectRule;
import dev.lapse.agent.track.signal.LostListenerRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimerTask;
import java.util.function.Predicate;

/**
 * Confirms findings (DESIGN.md section 2, "Confirm"): after a full collection that happened after the end-of-life
 * signal, the owner is still reachable, and a walk proves subject → … → listener → … → owner. No finding without
 * both. A check runs in phases: detached subjects (before the collection, {@link #detachedSubjects}), the collection
 * when there is something to confirm, the candidates ({@link Candidates}), their confirmation, lost listeners and
 * accumulations ({@link Confirmation}), the known-registration rules. It reads the tracker and never writes into it:
 * what it decided comes back as {@link Decisions}, which the runtime applies.
 */
public final class Checker {
    /**
     * Owners of one shape of finding (API, classes, site) whose retained size a check walks; the others are counted
     * at the mean of those after the first (the first of a shape also counts what its owners share, which the others
     * find already counted). A check of 100,000 lapsed views from one line walks 256 of them, not 100,000, and the
     * report says when sizes were extrapolated ({@link CheckResult#sizesExtrapolated()}).
     */
    public static final int RETAINED_SAMPLE = 256;

    /** Every registration: a class of its own, not a lambda, which would be spun at launch (Checker loads then). */
    private static final Predicate<Registration> ALL = new Predicate<>() {
        @Override
        public boolean test(Registration r) {
            return true;
        }
    };

    private final Tracker tracker;
    private final ApiCatalog catalog;
    private final GcProbe gc;
    private final FindingBuilder findings;
    private final int walkLimit;
    private final Duration walkTimeout;
    private final Suppressions suppressions;
    private final int accumulation;
    private final Duration accumulationWindow;

    /**
     * @param accumulation       live registrations from one site on one subject that make an accumulation
     * @param accumulationWindow how long they must have kept coming
     */
    public Checker(
            Tracker tracker,
            ApiCatalog catalog,
            OwnerResolver owners,
            GcProbe gc,
            int walkLimit,
            Duration walkTimeout,
            Suppressions suppressions,
            int accumulation,
            Duration accumulationWindow) {
        this.tracker = tracker;
        this.catalog = catalog;
        this.gc = gc;
        this.findings = new FindingBuilder(catalog, owners);
        this.walkLimit = walkLimit;
        this.walkTimeout = walkTimeout;
        this.suppressions = suppressions;
        this.accumulation = accumulation;
        this.accumulationWindow = accumulationWindow;
    }

    /**
     * The first phase of a whole check, before its collection (which must find its walks gone): each owner that
     * registered on a subject it held and no longer reaches it, not through a field of its own (the common case, and
     * cheap), nor within a short walk of what it holds. A walk that runs out of budget decides nothing, so the owner
     * is left alone. The runtime records these before it runs {@link #check(boolean)}.
     */
    public Decisions detachedSubjects() {
        Reach reach = new Reach();
        Map<Object, List<Registration>> left = new IdentityHashMap<>();
        for (DetachedSubjectRule.Held h : tracker.heldSubjects()) {
            if (reach.lostHoldOf(h.owner(), h.subject())) {
                left.computeIfAbsent(h.owner(), o -> new ArrayList<>()).add(h.registration());
            }
        }
        List<Decisions.Detachment> detached = new ArrayList<>(left.size());
        for (Map.Entry<Object, List<Registration>> e : left.entrySet()) {
            detached.add(new Decisions.Detachment(e.getKey(), e.getValue()));
        }
        return new Decisions(detached, List.of(), List.of());
    }

    /**
     * Runs one whole check, after {@link #detachedSubjects()}.
     *
     * @param forceGc whether to ask for a full collection first ({@code System.gc()})
     */
    public CheckResult check(boolean forceGc) {
        return check(forceGc, ALL, null, false);
    }

    /**
     * Checks only the registrations {@code which} accepts, for a scope (a test) that ended. Registrations it reports
     * are to forget their scope ({@link Decisions#scopeReported()}), so that the check of an enclosing scope does not
     * report them again.
     *
     * @param root an object whose own graph (the test instance's fields, and what they hold) is the scope's: a
     *             subject reachable from it lives and dies with the scope and is no evidence; {@code null} for none
     * @param deferLocal whether to leave the candidates unconfirmed, for a later check of an enclosing scope, when
     *             none of their subjects is known to be older than the scope: a full collection costs tens of
     *             milliseconds, and most registrations a test leaves are on subjects the test made itself
     */
    public CheckResult check(boolean forceGc, Predicate<Registration> which, Object root, boolean deferLocal) {
        long start = System.nanoTime();
        boolean gcHappened = forceGc && collectIfNeeded(which, root, deferLocal);
        List<EndedOwner> ended = tracker.ended(); // drained again: owners freed by the collection are gone
        List<LostListenerRule.Lost> lost = tracker.lostListeners(which);
        // the collection count is read from the management beans, which cost a JVM that never needed them a tenth
        // of a second at exit: a check with no ended owner, lost listener or removal claim judges nothing by it
        boolean counts = !ended.isEmpty() || !lost.isEmpty() || tracker.anyRemovalClaim();
        long fullGcs = counts ? gc.fullCount() : 0;
        if (forceGc && awaiting(lost, fullGcs)) {
            // a delegate the collection just cleared: one more shows whether its owner is really alive, which the
            // list must not keep alive through it
            lost = null;
            gcHappened |= gc.forceFullGc();
            lost = tracker.lostListeners(which);
            fullGcs = gc.fullCount();
        }

        Teardown teardown = new Teardown(catalog, tracker);
        Candidates candidates = Candidates.of(ended, which, fullGcs, root, walkLimit, teardown);
        ReferenceWalker.Budget budget =
                new ReferenceWalker.Budget(walkLimit, System.nanoTime() + walkTimeout.toNanos());
        RetainedEstimate retained = new RetainedEstimate(candidates.bySubject().keySet(), candidates.size());
        Confirmation confirmation =
                new Confirmation(findings, budget, retained, new RegistrationHold(walkLimit, walkTimeout, ended));
        confirmation.candidates(candidates);
        ClaimCheck claims = new ClaimCheck(findings, budget, retained, teardown);
        claims.check(tracker, which == ALL ? which : which.and(Checker::judgedInScope), fullGcs);
        confirmation.lost(lost, fullGcs);
        if (which == ALL) {
            confirmation.accumulations(
                    tracker.accumulations(accumulation, accumulationWindow.toMillis()), accumulation);
        }
        List<Finding> found = new ArrayList<>(confirmation.found());
        found.addAll(claims.found());
        Map<String, Integer> suppressed = suppress(found);
        List<Registration> reported = new ArrayList<>();
        if (which != ALL) {
            reported.addAll(confirmation.reported());
            reported.addAll(claims.reported());
        }
        return new CheckResult(
                found,
                forceGc,
                gcHappened,
                counts && gc.explicitGcDisabled(),
                ended.size(),
                candidates.awaitingGc() + confirmation.awaitingGc(),
                candidates.stillEnding() + claims.stillEnding(),
                teardown.runningThreads(),
                confirmation.notHeld(),
                confirmation.undecided(),
                tracker.unjudged(unreported(which, reported)),
                budget.visited(),
                confirmation.extrapolated(),
                Duration.ofNanos(System.nanoTime() - start).toMillis(),
                suppressed,
                new Decisions(List.of(), reported, claims.settled()));
    }

    /**
     * The collection, asked for only when there is something to confirm (scope checks run per test): a lost listener,
     * or a candidate, and for a deferring scope check one whose subject is known to be older than the scope.
     */
    private boolean collectIfNeeded(Predicate<Registration> which, Object root, boolean deferLocal) {
        List<EndedOwner> before = tracker.ended();
        boolean lost = !tracker.lostListeners(which).isEmpty();
        if (!deferLocal && tracker.anyRemovalClaim()) {
            return gc.forceFullGc();
        }
        if ((lost || Candidates.any(before, which))
                && (lost
                        || !deferLocal
                        || Candidates.anyOlderSubject(before, which, root, () -> tracker.subjectsOf(which.negate())))) {
            return gc.forceFullGc();
        }
        return false;
    }

    /**
     * Whether a scope's check judges a removal claimed in it. Not a cancelled {@code TimerTask}'s: its timer keeps it
     * queued until its next time comes (a period, often longer than a test), and drops it then; the claim is kept for
     * a later check, the JVM's at the latest, which reports it if the timer still holds it.
     */
    private static boolean judgedInScope(Registration r) {
        return !(r.listener() instanceof TimerTask);
    }

    private static boolean awaiting(List<LostListenerRule.Lost> lost, long fullGcs) {
        for (LostListenerRule.Lost l : lost) {
            if (fullGcs <= l.end().majorGcsBefore()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the check cannot judge is counted without the registrations it reported, whose scope the runtime forgets
     * once it applies the decisions.
     */
    private static Predicate<Registration> unreported(Predicate<Registration> which, List<Registration> reported) {
        if (reported.isEmpty()) {
            return which;
        }
        Set<Registration> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(reported);
        return which.and(r -> !set.contains(r));
    }

    /**
     * Leaves out the findings a known-registration rule matches; returns how many per rule. The rules are matched once
     * per distinct signal, classes and site, not per finding: a leak repeated 100,000 times is a few of those.
     */
    private Map<String, Integer> suppress(List<Finding> found) {
        Map<String, Integer> suppressed = new LinkedHashMap<>();
        if (found.isEmpty()) {
            return suppressed; // the usual exit of a JVM that leaked nothing: no lambda to link
        }
        Map<RuleKey, Optional<String>> matched = new HashMap<>();
        found.removeIf(f -> {
            Optional<String> why = matched.computeIfAbsent(
                    new RuleKey(f),
                    k -> Optional.ofNullable(suppressions.match(
                            f.end().signal(), f.subjectClass(), f.listenerClass(), f.ownerClass(), f.site())));
            why.ifPresent(reason -> suppressed.merge(reason, f.count(), Integer::sum));
            return why.isPresent();
        });
        return suppressed;
    }

    /**
     * What a rule matches a finding by. The site's frames are one list per call site, compared by identity (two
     * lists of equal frames only match twice); the class names are equal strings.
     */
    private static final class RuleKey {
        private final Finding f;
        private final int hash;

        RuleKey(Finding f) {
            this.f = f;
            this.hash = Objects.hash(
                    f.end().signal(),
                    f.subjectClass(),
                    f.listenerClass(),
                    f.ownerClass(),
                    System.identityHashCode(f.site()));
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RuleKey)) {
                return false;
            }
            Finding g = ((RuleKey) o).f;
            return f.end().signal() == g.end().signal()
                    && f.site() == g.site()
                    && f.subjectClass().equals(g.subjectClass())
                    && f.listenerClass().equals(g.listenerClass())
                    && f.ownerClass().equals(g.ownerClass());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
