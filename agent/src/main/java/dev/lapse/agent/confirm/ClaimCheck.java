package dev.lapse.agent.confirm;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Step;
import dev.lapse.agent.track.Tracker;
import dev.lapse.agent.track.signal.RemovalClaims;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Verifies the removals the code claimed ({@link RemovalClaims}), after the check's collection: a claim is an
 * {@code ineffective-removal} when the subject still reaches the listener by a walk that never enters the owner (the
 * subject's own structure keeps it, not the owner's hold on its listener), the owner has no live registration of that
 * listener on that subject (registered again, or added twice), and the registration is what keeps the owner: the
 * owner removed it while it ended (its own lifecycle method is on the removal's stack), as a lifecycle end's owner
 * is judged, and is not a JVM-wide owner listening to a subject only its field holds; or the subject is reachable
 * other than through the owner: a class, held by a static field of its class or the owner's, or no longer reached by
 * the owner within a short walk. An owner still in use whose private subject keeps a stale copy is not reported. A claim the walk does not reach is settled (the
 * removal did what it said), and so is one the owner alone explains; one the budget ran out on, or that awaits a
 * collection after it, is kept for the next check. Walks share the check's budget.
 *
 * <p>A handle's undo claims more when the add registered on other subjects inside its own call (an operator chain's
 * {@code subscribe}, {@link Registration#innerSubjects}): each is verified the same way, and one that still holds the
 * listener is reported unless another that does reaches it (the source a chain was left subscribed to holds the
 * chain's own subjects too).
 */
final class ClaimCheck {
    private final FindingBuilder findings;
    private final ReferenceWalker.Budget budget;
    private final RetainedEstimate retained;
    private final List<Finding> found = new ArrayList<>();
    private final List<RemovalClaims.Claim> settled = new ArrayList<>();
    private final List<Registration> reported = new ArrayList<>();
    private final Reach reach = new Reach();
    private final Teardown teardown;
    private int stillEnding;

    ClaimCheck(FindingBuilder findings, ReferenceWalker.Budget budget, RetainedEstimate retained, Teardown teardown) {
        this.findings = findings;
        this.teardown = teardown;
        this.budget = budget;
        this.retained = retained;
    }

    /** Claims left to a later check because their removal was made inside a teardown still running elsewhere. */
    int stillEnding() {
        return stillEnding;
    }

    void check(Tracker tracker, Predicate<Registration> which, long fullGcs) {
        for (RemovalClaims.Claim c : tracker.removalClaims()) {
            Registration r = c.registration();
            Object owner = c.owner();
            Object listener = r.listener();
            List<Object> subjects = subjectsOf(r);
            if (owner == null || listener == null || subjects.isEmpty() || !which.test(r)) {
                continue; // collected: the claims' own purge drops it
            }
            if (fullGcs <= c.end().majorGcsBefore() || budget.exhausted()) {
                continue;
            }
            if (teardown.removedWithinRunningTeardown(c.end())) {
                stillEnding++; // kept, unsettled, for a check after that teardown
                continue;
            }
            List<Object> holders = new ArrayList<>();
            List<List<Step>> paths = new ArrayList<>();
            for (Object subject : subjects) {
                List<Step> path = holding(tracker, c, subject, listener, owner);
                if (path != null) {
                    holders.add(subject);
                    paths.add(path);
                }
            }
            if (budget.exhausted()) {
                continue; // undecided: kept for the next check
            }
            boolean any = false;
            for (int i : roots(holders, owner)) {
                any |= report(c, holders.get(i), listener, owner, paths.get(i));
            }
            if (budget.exhausted() && !any) {
                continue;
            }
            if (any) {
                reported.add(r);
            } else {
                settled.add(c); // the removal did what it said, or what still holds the listener is explained
            }
        }
    }

    /**
     * The subjects a claim's undo was to free, each still alive: the inner ones the add registered on inside its own
     * call, the last begun first (a chain subscribes from its end towards its source, the subject that outlives it,
     * which it reaches last), then the add's own.
     */
    private static List<Object> subjectsOf(Registration r) {
        List<Object> inner = r.innerSubjects();
        List<Object> subjects = new ArrayList<>(inner.size() + 1);
        for (int i = inner.size() - 1; i >= 0; i--) {
            subjects.add(inner.get(i));
        }
        Object own = r.subject();
        if (own != null) {
            subjects.add(own);
        }
        return subjects;
    }

    /**
     * The way {@code subject} still reaches {@code listener} by a walk that never enters the owner, or {@code null}:
     * it let go, the owner registered the listener there again, or the hold is explained (the owner, ended, alone
     * holds the subject; or, in use, it still holds the subject no one else does).
     */
    private List<Step> holding(Tracker tracker, RemovalClaims.Claim c, Object subject, Object listener, Object owner) {
        if (tracker.registered(owner, subject, listener) || budget.exhausted()) {
            return null;
        }
        List<Step> path = ReferenceWalker.walk(subject, identitySetOf(listener), budget, identitySetOf(owner))
                .get(listener);
        if (path == null) {
            return null;
        }
        boolean ending = teardown.insideEndOf(owner.getClass(), c.end().site().frames());
        return (ending ? Confirmation.keepsNothing(subject, owner) : !heldElsewhere(subject, owner)) ? null : path;
    }

    /**
     * The indexes of the holders no earlier one reaches (without entering the owner): of an operator chain left
     * subscribed, the source it was subscribed to holds the chain's own subjects too, which are that one hold, not
     * more. Two holders that reach each other are one, told by the first.
     */
    private List<Integer> roots(List<Object> holders, Object owner) {
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            boolean reached = false;
            for (int j = 0; j < roots.size() && !reached; j++) {
                reached = ReferenceWalker.walk(
                                holders.get(roots.get(j)), identitySetOf(holders.get(i)), budget, identitySetOf(owner))
                        .containsKey(holders.get(i));
            }
            if (!reached) {
                roots.add(i);
            }
        }
        return roots;
    }

    /** Reports that {@code subject} still holds the listener by {@code path}; whether it was a finding. */
    private boolean report(RemovalClaims.Claim c, Object subject, Object listener, Object owner, List<Step> path) {
        EndOfLife end = c.end();
        EndOfLife told = new EndOfLife(
                end.signal(), end.method(), structure(path), end.site(), end.timeMillis(), end.majorGcsBefore());
        Finding f = findings.finding(
                subject,
                listener,
                new Candidates.Candidate(c.registration(), owner, told),
                path,
                true,
                retained.of(owner),
                1,
                budget);
        if (f == null) {
            return false; // the listener does not reach the object that registered it
        }
        found.add(f);
        return true;
    }

    private static Set<Object> identitySetOf(Object o) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.add(o);
        return set;
    }

    /** Whether {@code subject} is reachable other than through {@code owner}, as far as fields can tell. */
    private boolean heldElsewhere(Object subject, Object owner) {
        return subject instanceof Class
                || Holders.heldStatically(subject, subject.getClass())
                || Holders.heldStatically(subject, owner.getClass())
                || reach.lostHoldOf(owner, subject);
    }

    /**
     * The structure that still holds the listener, in the chain's words: {@code Outer.inner → Model.listeners →
     * Wrapper.delegate}, the fields from the subject to the listener that code outside the JDK declares (a list's
     * {@code elementData} says nothing a reader can change); all of them when the JDK declares every one.
     */
    static String structure(List<Step> path) {
        List<String> all = new ArrayList<>(path.size());
        List<String> own = new ArrayList<>(path.size());
        for (Step s : path) {
            if (s.field().startsWith("[")) {
                continue; // an array slot: its index changes from run to run
            }
            String hop = simpleName(s.from()) + "." + s.field().replace("static ", "");
            all.add(hop);
            if (!jdk(s.from())) {
                own.add(hop);
            }
        }
        return String.join(" → ", own.isEmpty() ? all : own);
    }

    private static boolean jdk(String className) {
        return className.startsWith("java.")
                || className.startsWith("javax.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("com.sun.");
    }

    private static String simpleName(String className) {
        int lambda = className.indexOf("$$Lambda");
        if (lambda >= 0) {
            return "lambda in " + simpleName(className.substring(0, lambda)); // its own name has an address
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.lastIndexOf('$');
        boolean anonymous = nested >= 0 && nested + 1 < simple.length() && Character.isDigit(simple.charAt(nested + 1));
        return anonymous || nested < 0 ? simple : simple.substring(nested + 1); // an anonymous class keeps its host
    }

    List<Finding> found() {
        return found;
    }

    List<RemovalClaims.Claim> settled() {
        return settled;
    }

    List<Registration> reported() {
        return reported;
    }
}
