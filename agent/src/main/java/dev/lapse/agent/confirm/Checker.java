package dev.lapse.agent.confirm;

import dev.lapse.agent.config.Suppressions;
import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.reflect.ReferenceFields;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.EndedOwner;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.OwnerResolver;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Tracker;
import dev.lapse.agent.track.signal.AccumulationRule;
import dev.lapse.agent.track.signal.DetachedSubjectRule;
import dev.lapse.agent.track.signal.LostListenerRule;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Confirms findings (DESIGN.md section 2, "Confirm"): after a full collection that happened after the
 * end-of-life signal, the owner is still reachable, and a walk proves subject → … → listener → … → owner.
 * No finding without both. Walks are grouped by subject, so a subject with many listeners is walked once.
 */
public final class Checker {
    private static final Predicate<Registration> ALL = r -> true;
    /**
     * Most objects walked from one owner to tell whether it still reaches a subject it registered on; an owner
     * that reaches more (a whole window) is not judged.
     */
    private static final int DETACH_WALK_LIMIT = 10_000;
    /** Most objects all of one check's detached-subject walks visit together. */
    private static final int DETACH_TOTAL_LIMIT = 1_000_000;

    private final Tracker tracker;
    private final ApiCatalog catalog;
    private final OwnerResolver owners;
    private final GcProbe gc;
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
        this.owners = owners;
        this.gc = gc;
        this.walkLimit = walkLimit;
        this.walkTimeout = walkTimeout;
        this.suppressions = suppressions;
        this.accumulation = accumulation;
        this.accumulationWindow = accumulationWindow;
    }

    /**
     * Runs one check.
     *
     * @param forceGc whether to ask for a full collection first ({@code System.gc()})
     */
    public CheckResult check(boolean forceGc) {
        return check(forceGc, ALL, null, false);
    }

    /**
     * Checks only the registrations {@code which} accepts, for a scope (a test) that ended. Registrations it
     * reports forget their scope, so that the check of an enclosing scope does not report them again.
     *
     * @param root an object whose own graph (the test instance's fields, and what they hold) is the scope's: a
     *             subject reachable from it lives and dies with the scope and is no evidence; {@code null} for none
     * @param deferLocal whether to leave the candidates unconfirmed, for a later check of an enclosing scope, when
     *             none of their subjects is known to be older than the scope: a full collection costs tens of
     *             milliseconds, and most registrations a test leaves are on subjects the test made itself
     */
    public CheckResult check(boolean forceGc, Predicate<Registration> which, Object root, boolean deferLocal) {
        long start = System.nanoTime();
        boolean gcHappened = false;
        if (which == ALL) {
            detachedSubjects(new Reach()); // before the collection, which must find its walks gone
        }
        if (forceGc) {
            List<EndedOwner> before = tracker.ended();
            boolean lost = !tracker.lostListeners(which).isEmpty();
            if ((lost || anyCandidate(before, which))
                    && (lost || !deferLocal || anyOlderSubject(before, which, root))) {
                gcHappened = gc.forceFullGc(); // only when there is something to confirm: scope checks run per test
            }
        }
        List<EndedOwner> ended = tracker.ended(); // drained again: owners freed by the collection are gone
        List<LostListenerRule.Lost> lost = tracker.lostListeners(which);
        long fullGcs = gc.fullCount();
        if (forceGc && awaiting(lost, fullGcs)) {
            // a delegate the collection just cleared: one more shows whether its owner is really alive, which the
            // list must not keep alive through it
            lost = null;
            gcHappened |= gc.forceFullGc();
            lost = tracker.lostListeners(which);
            fullGcs = gc.fullCount();
        }

        // subject -> (listener -> registration), all by identity
        Map<Object, Map<Object, Candidate>> bySubject = new IdentityHashMap<>();
        int awaitingGc = 0;
        ScopeGraph scopeOwn = new ScopeGraph(root);
        Reach reach = new Reach();
        for (EndedOwner e : ended) {
            EndOfLife end = e.record().end();
            Object owner = e.record().owner();
            if (end == null || owner == null) {
                continue;
            }
            for (Registration r : e.registrations()) {
                if (which.test(r) && end.covers(r)) {
                    awaitingGc += consider(
                            bySubject, new Candidate(r, owner, refined(end, r, owner, reach)), fullGcs, scopeOwn);
                }
            }
        }

        ReferenceWalker.Budget budget =
                new ReferenceWalker.Budget(walkLimit, System.nanoTime() + walkTimeout.toNanos());
        List<Finding> findings = new ArrayList<>();
        List<Registration> reported = new ArrayList<>();
        RetainedEstimate retained = new RetainedEstimate(bySubject.keySet());
        int notHeld = 0;
        int undecided = 0;
        for (Map.Entry<Object, Map<Object, Candidate>> e : bySubject.entrySet()) {
            Object subject = e.getKey();
            Map<Object, Candidate> byListener = e.getValue();
            Set<Object> targets = Collections.newSetFromMap(new IdentityHashMap<>());
            targets.addAll(byListener.keySet());
            boolean wasExhausted = budget.exhausted();
            Map<Object, List<Step>> paths = wasExhausted ? Map.of() : ReferenceWalker.walk(subject, targets, budget);
            for (Map.Entry<Object, Candidate> c : byListener.entrySet()) {
                List<Step> toListener = paths.get(c.getKey());
                boolean staticRegistry = subject instanceof Class;
                if (toListener == null && staticRegistry && !budget.exhausted()) {
                    // a static API may keep its listeners in a registry no static field reaches (UIManager's
                    // state lives in an AppContext): the listener surviving a full collection with no removal is
                    // the evidence, and the chain says that its first hop was not traced
                    toListener = List.of(new Step(
                            ((Class<?>) subject).getName(),
                            "(static registry)",
                            c.getKey().getClass().getName()));
                    findings.add(finding(subject, c.getKey(), c.getValue(), toListener, false, retained, 1));
                    reported.add(c.getValue().registration);
                } else if (toListener != null) {
                    findings.add(finding(subject, c.getKey(), c.getValue(), toListener, true, retained, 1));
                    reported.add(c.getValue().registration);
                } else if (budget.exhausted()) {
                    undecided++;
                } else {
                    notHeld++;
                }
            }
        }
        for (LostListenerRule.Lost l : lost) {
            if (fullGcs <= l.end().majorGcsBefore()) {
                awaitingGc++;
            } else {
                findings.add(lostFinding(l));
                reported.add(l.registration());
            }
        }
        if (which == ALL) {
            for (AccumulationRule.Accumulation a : tracker.accumulations(accumulation, accumulationWindow.toMillis())) {
                Finding f = accumulated(a, budget, retained);
                if (f != null) {
                    findings.add(f);
                }
            }
        } else {
            reported.forEach(Registration::scopeReported);
        }
        Map<String, Integer> suppressed = new LinkedHashMap<>();
        findings.removeIf(f -> {
            String why = suppressions.match(f.end.signal(), f.subjectClass, f.listenerClass, f.ownerClass, f.site);
            if (why != null) {
                suppressed.merge(why, f.count, Integer::sum);
            }
            return why != null;
        });
        return new CheckResult(
                findings,
                forceGc,
                gcHappened,
                gc.explicitGcDisabled(),
                ended.size(),
                awaitingGc,
                notHeld,
                undecided,
                tracker.unjudged(which),
                budget.visited(),
                Duration.ofNanos(System.nanoTime() - start).toMillis(),
                suppressed);
    }

    /**
     * An ended owner's registration on a subject it held when it registered and no longer reaches is told as a
     * detached subject: the owner let go of the subject (replaced it, cleared the field) and not of its listener, and
     * that is where the fix belongs.
     */
    private static EndOfLife refined(EndOfLife end, Registration r, Object owner, Reach reach) {
        if (end.signal() == Signal.DETACHED_SUBJECT) {
            return end.detachedFrom(r.heldIn()); // each registration names the field that held its own subject
        }
        Object subject = r.subject();
        return r.heldIn() != null
                        && subject != null
                        && end.signal() == Signal.LIFECYCLE_END
                        && reach.lostHoldOf(owner, subject)
                ? end.detachedFrom(r.heldIn())
                : end;
    }

    /**
     * Whether owners still reach subjects they held: through a field of their own (the common case, and cheap),
     * else within {@value #DETACH_WALK_LIMIT} objects of what they hold. The walk of the last owner asked about is
     * kept, since an owner's registrations are asked about one after the other; all walks of one check together
     * stop at {@value #DETACH_TOTAL_LIMIT} objects. A walk that runs out of budget decides nothing. Instance fields
     * only: a static field is nobody's hold, and reading one could initialise its class. Holds what it walked: use
     * one per phase of a check, never across its collection.
     */
    private static final class Reach {
        private Object lastOwner;
        private GraphWalk lastWalk; // null when the last owner's walk ran out of budget
        private int visited;

        /** Whether {@code owner} no longer reaches {@code subject}. */
        boolean lostHoldOf(Object owner, Object subject) {
            if (instanceFieldHolding(owner, subject) != null) {
                return false;
            }
            if (owner != lastOwner) {
                lastOwner = owner;
                lastWalk = null;
                if (visited < DETACH_TOTAL_LIMIT) {
                    GraphWalk w = new GraphWalk();
                    visited += w.walk(owner, DETACH_WALK_LIMIT, x -> {});
                    lastWalk = w.truncated() ? null : w;
                }
            }
            return lastWalk != null && !lastWalk.seen(subject);
        }
    }

    /**
     * Signals a detached subject for each owner that registered on a subject it held and no longer reaches it: not
     * through a field of its own (the common case, and cheap), nor within a short walk of what it holds. A walk that
     * runs out of budget decides nothing, so the owner is left alone.
     */
    private void detachedSubjects(Reach reach) {
        Map<Object, List<Registration>> left = new IdentityHashMap<>();
        for (DetachedSubjectRule.Held h : tracker.heldSubjects()) {
            if (reach.lostHoldOf(h.owner(), h.subject())) {
                left.computeIfAbsent(h.owner(), o -> new ArrayList<>()).add(h.registration());
            }
        }
        left.forEach(tracker::subjectDetached);
    }

    /**
     * Adds a candidate under its subject unless its subject or listener is gone or the subject is the scope's own;
     * returns 1 when it still awaits a full collection after its signal, else 0.
     */
    private static int consider(
            Map<Object, Map<Object, Candidate>> bySubject, Candidate c, long fullGcs, ScopeGraph scopeOwn) {
        Object subject = c.registration.subject();
        Object listener = c.registration.listener();
        if (subject == null || listener == null || scopeOwn.contains(subject)) {
            return 0;
        }
        if (fullGcs <= c.end.majorGcsBefore()) {
            return 1;
        }
        bySubject.computeIfAbsent(subject, s -> new IdentityHashMap<>()).put(listener, c);
        return 0;
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
     * The graph of a scope's root (the test instance's fields, and what they hold), walked at the first question
     * only: most scopes (tests) leave no candidate.
     */
    private final class ScopeGraph {
        private final Object root;
        private GraphWalk walk;

        ScopeGraph(Object root) {
            this.root = root;
        }

        boolean contains(Object o) {
            if (root == null) {
                return false;
            }
            if (walk == null) {
                walk = new GraphWalk();
                walk.walk(root, walkLimit, x -> {});
            }
            return walk.seen(o);
        }
    }

    /**
     * Whether a candidate's subject is known to be older than the scope: other scopes (or no scope) registered on
     * it, or a static field of its class, of the owner's class or of the scope's root holds it.
     */
    private boolean anyOlderSubject(List<EndedOwner> ended, Predicate<Registration> which, Object root) {
        Set<Object> sharedSubjects = null;
        for (EndedOwner e : ended) {
            Object owner = e.record().owner();
            for (Registration r : e.registrations()) {
                Object subject = r.subject();
                if (owner == null || subject == null || !which.test(r)) {
                    continue;
                }
                if (subject instanceof Class
                        || heldStatically(subject, subject.getClass())
                        || heldStatically(subject, owner.getClass())
                        || (root != null && heldStatically(subject, root.getClass()))) {
                    return true;
                }
                if (sharedSubjects == null) {
                    sharedSubjects = tracker.subjectsOf(which.negate());
                }
                if (sharedSubjects.contains(subject)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean heldStatically(Object value, Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (staticFieldHolding(c, value) != null) {
                return true;
            }
        }
        return false;
    }

    /** The static field of {@code type} (not its supertypes) that holds {@code value}, or {@code null}. */
    private static Field staticFieldHolding(Class<?> type, Object value) {
        for (Field f : ReferenceFields.staticOf(type)) {
            if (ReferenceFields.read(f, null) == value) {
                return f;
            }
        }
        return null;
    }

    private static boolean anyCandidate(List<EndedOwner> ended, Predicate<Registration> which) {
        for (EndedOwner e : ended) {
            EndOfLife end = e.record().end();
            for (Registration r : e.registrations()) {
                if (which.test(r) && end != null && end.covers(r)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Finding finding(
            Object subject,
            Object listener,
            Candidate c,
            List<Step> toListener,
            boolean traced,
            RetainedEstimate retained,
            int count) {
        List<Step> chain = new ArrayList<>(toListener);
        OwnerResolver.Explanation explanation = owners.explain(listener);
        for (OwnerResolver.Hop hop : explanation.hops) {
            chain.add(new Step(hop.fromClass, hop.field, hop.toClass));
        }
        ApiMethod api = catalog.get(c.registration.apiId());
        boolean staticSubject = subject instanceof Class;
        String subjectClass = staticSubject
                ? ((Class<?>) subject).getName()
                : subject.getClass().getName();
        Object handle = c.registration.handle();
        return new Finding(
                api,
                subjectClass,
                staticSubject,
                listener.getClass().getName(),
                c.owner.getClass().getName(),
                explanation.relation,
                chain,
                traced,
                c.registration,
                c.end,
                fieldHolding(c.owner, subject),
                c.owner == listener ? null : fieldHolding(c.owner, listener),
                retained.of(c.owner) * count,
                handle == null ? null : fieldHolding(c.owner, handle),
                count);
    }

    /**
     * An accumulation, when the subject still holds at least the threshold of its listeners: one finding for the
     * newest of them that counts them all. Nothing needs to have ended.
     */
    private Finding accumulated(
            AccumulationRule.Accumulation a, ReferenceWalker.Budget budget, RetainedEstimate retained) {
        Set<Object> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Registration r : a.registrations()) {
            Object listener = r.listener();
            if (listener != null) {
                targets.add(listener);
            }
        }
        if (budget.exhausted()) {
            return null;
        }
        Map<Object, List<Step>> paths = ReferenceWalker.walk(a.subject(), targets, budget);
        if (paths.size() < accumulation) {
            return null;
        }
        for (int i = a.registrations().size() - 1; i >= 0; i--) {
            Registration newest = a.registrations().get(i);
            Object listener = newest.listener();
            List<Step> path = listener == null ? null : paths.get(listener);
            if (path != null) {
                return finding(
                        a.subject(),
                        listener,
                        new Candidate(newest, owners.ownerOf(listener), a.end()),
                        path,
                        true,
                        retained,
                        paths.size());
            }
        }
        return null;
    }

    /**
     * A lost listener needs no walk: its evidence is the collected delegate and the owner that outlived it. The
     * chain goes from the subject to the wrapper (not traced: the subject may have let it go when it removed
     * itself) and on to the delegate that is gone.
     */
    private Finding lostFinding(LostListenerRule.Lost l) {
        List<Step> chain = List.of(
                new Step(
                        l.subjectClass(),
                        l.stillRegistered() ? "(listeners)" : "(removed once its delegate was gone)",
                        l.wrapperClass()),
                new Step(l.wrapperClass(), l.field(), l.referenceClass()),
                new Step(
                        l.referenceClass(),
                        "referent",
                        l.end().reason() != null ? l.end().reason() : "(collected before the registration returned)"));
        Object subject = l.registration().subject();
        return new Finding(
                catalog.get(l.registration().apiId()),
                l.subjectClass(),
                l.staticSubject(),
                l.wrapperClass(),
                l.ownerClass(),
                OwnerRelation.WEAK_DELEGATE,
                chain,
                false,
                l.registration(),
                l.end(),
                subject == null || l.owner() == null ? null : fieldHolding(l.owner(), subject),
                null,
                0,
                null,
                l.count());
    }

    /**
     * How the owner's code reaches {@code value}: a field of {@code holder} ({@code model}), else a static field of
     * its class or an enclosing class ({@code App.MODEL}); {@code null} when neither holds it.
     */
    private static String fieldHolding(Object holder, Object value) {
        Field own = instanceFieldHolding(holder, value);
        if (own != null) {
            return own.getName();
        }
        for (Class<?> c = holder.getClass(); c != null; c = enclosing(c)) {
            Field f = staticFieldHolding(c, value);
            if (f != null) {
                return c.getSimpleName() + "." + f.getName();
            }
        }
        return null;
    }

    /** The instance field of {@code holder} that holds {@code value}, or {@code null}. */
    private static Field instanceFieldHolding(Object holder, Object value) {
        for (Field f : ReferenceFields.of(holder.getClass())) {
            if (ReferenceFields.read(f, holder) == value) {
                return f;
            }
        }
        return null;
    }

    private static Class<?> enclosing(Class<?> c) {
        try {
            return c.getEnclosingClass();
        } catch (LinkageError | SecurityException e) {
            return null;
        }
    }

    /** A registration of an ended owner, waiting for confirmation. */
    private static final class Candidate {
        final Registration registration;
        final Object owner;
        final EndOfLife end;

        Candidate(Registration registration, Object owner, EndOfLife end) {
            this.registration = registration;
            this.owner = owner;
            this.end = end;
        }
    }
}
