package dev.lapse.agent.confirm;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.EndedOwner;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Signal;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The candidates of a check: the registrations of ended owners that an end of life covers, grouped by subject (and
 * then by listener, all by identity) so that a subject with many listeners is walked once. A candidate whose subject
 * or listener is gone, whose subject is the scope's own, whose owner ended inside its subject's own teardown
 * ({@link Teardown}), or, for a scope end, whose subject ended too or that a static initialiser made, is none; one
 * whose signal came after the last full collection awaits one, and one whose owner's teardown is still running on
 * another thread awaits its end ({@link Teardown#stillEnding}).
 */
final class Candidates {
    /** A registration of an ended owner, waiting for confirmation. */
    record Candidate(Registration registration, Object owner, EndOfLife end) {}

    private final Map<Object, Map<Object, Candidate>> bySubject = new IdentityHashMap<>();
    private int awaitingGc;
    private int stillEnding;

    private Candidates() {}

    /**
     * @param fullGcs   full collections so far
     * @param root      the scope's root (see {@link Checker#check(boolean, Predicate, Object, boolean)}), or {@code null}
     * @param walkLimit most objects the walk of the scope's root visits
     */
    static Candidates of(
            List<EndedOwner> ended,
            Predicate<Registration> which,
            long fullGcs,
            Object root,
            int walkLimit,
            Teardown teardown) {
        Candidates candidates = new Candidates();
        ScopeGraph scopeOwn = new ScopeGraph(root, walkLimit);
        Reach reach = new Reach();
        for (EndedOwner e : ended) {
            EndOfLife end = e.record().end();
            Object owner = e.record().owner();
            if (end == null || owner == null) {
                continue;
            }
            for (Registration r : e.registrations()) {
                Object subject = r.subject();
                if (which.test(r)
                        && end.covers(r)
                        && !(end.signal() == Signal.SCOPE_END && madeByStaticInitialiser(r))
                        && (subject == null || !teardown.endedWithSubject(owner, subject, end))) {
                    candidates.consider(
                            new Candidate(r, owner, refined(end, r, owner, reach)), fullGcs, scopeOwn, teardown);
                }
            }
        }
        return candidates;
    }

    /**
     * Whether a class's static initialiser made the registration (its site shows a {@code <clinit>} frame): it
     * belongs to the class, which lives as long as its loader, not to the test that happened to load it first.
     */
    private static boolean madeByStaticInitialiser(Registration r) {
        for (StackTraceElement f : r.site().frames()) {
            if (f.getMethodName().equals("<clinit>")) {
                return true;
            }
        }
        return false;
    }

    /** subject -> (listener -> candidate), all by identity. */
    Map<Object, Map<Object, Candidate>> bySubject() {
        return bySubject;
    }

    /** How many candidates there are, all subjects' together. */
    int size() {
        int n = 0;
        for (Map<Object, Candidate> byListener : bySubject.values()) {
            n += byListener.size();
        }
        return n;
    }

    /** Candidates that still await a full collection after their signal. */
    int awaitingGc() {
        return awaitingGc;
    }

    /** Candidates left to a later check because their owners' teardown was still running on another thread. */
    int stillEnding() {
        return stillEnding;
    }

    /** Whether any registration {@code which} accepts is covered by its owner's end. */
    static boolean any(List<EndedOwner> ended, Predicate<Registration> which) {
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

    /**
     * Whether a candidate's subject is known to be older than the scope: registrations outside the scope are on it
     * ({@code sharedSubjects}, asked at most once), or a static field of its class, of the owner's class or of the
     * scope's root holds it.
     */
    static boolean anyOlderSubject(
            List<EndedOwner> ended, Predicate<Registration> which, Object root, Supplier<Set<Object>> sharedSubjects) {
        Set<Object> shared = null;
        for (EndedOwner e : ended) {
            Object owner = e.record().owner();
            for (Registration r : e.registrations()) {
                Object subject = r.subject();
                if (owner == null || subject == null || !which.test(r)) {
                    continue;
                }
                if (subject instanceof Class
                        || Holders.heldStatically(subject, subject.getClass())
                        || Holders.heldStatically(subject, owner.getClass())
                        || (root != null && Holders.heldStatically(subject, root.getClass()))) {
                    return true;
                }
                if (shared == null) {
                    shared = sharedSubjects.get();
                }
                if (shared.contains(subject)) {
                    return true;
                }
            }
        }
        return false;
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

    private void consider(Candidate c, long fullGcs, ScopeGraph scopeOwn, Teardown teardown) {
        Object subject = c.registration().subject();
        Object listener = c.registration().listener();
        if (subject == null || listener == null) {
            return;
        }
        if (fullGcs <= c.end().majorGcsBefore()) {
            // before the scope's own graph is asked: a test's check that asked for no collection has most of its
            // candidates here, and a scope check's report is its findings only, not this count
            awaitingGc++;
            return;
        }
        if (scopeOwn.contains(subject)) {
            return;
        }
        // last: it reads the other threads' stacks, which only a candidate that would be judged now is worth
        if (teardown.stillEnding(c.end())) {
            stillEnding++;
            return;
        }
        bySubject.computeIfAbsent(subject, s -> new IdentityHashMap<>()).put(listener, c);
    }

    /**
     * The graph of a scope's root (the test instance's fields, and what they hold), walked from the first question
     * on, and only as far as each question needs: most scopes (tests) leave no candidate, and a subject the test
     * made is most often one of its fields.
     */
    private static final class ScopeGraph {
        private final Object root;
        private final int walkLimit;
        private GraphWalk walk;

        ScopeGraph(Object root, int walkLimit) {
            this.root = root;
            this.walkLimit = walkLimit;
        }

        boolean contains(Object o) {
            if (root == null) {
                return false;
            }
            if (walk == null) {
                walk = new GraphWalk();
                walk.begin(root, walkLimit);
            }
            return walk.reaches(o);
        }
    }
}
