package dev.lapse.agent.confirm;

import dev.lapse.agent.reflect.ReferenceFields;
import dev.lapse.agent.track.EndedOwner;
import dev.lapse.agent.track.Step;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Whether a scope-end candidate's registration is what holds its owner (DESIGN.md section 3, scope end). An owner
 * made during a test may be a JVM-wide object that merely happened to be made then (a logging context the static
 * loggers hold, a test context a static cache keeps), or the subject may be one of the objects the test left, kept
 * by something else (a builder and its results that a mocking library's records keep): the walk from the subject
 * reaches the owner, yet removing the listener would free nothing. So the candidates of one check are decided
 * together by walks from the JVM's roots as far as fields can see them ({@link RootsWalk}) that never enter the
 * listener storage of any of them, the object the chain's last hop leaves (a listener array, a registration entry):
 *
 * <ul>
 *   <li>an owner they reach is held other than through a registration: not a finding;
 *   <li>a subject the roots do not reach other than through owners that should be dead (the check's ended owners,
 *       and what weak maps keep for them) lives only through what the tests left, or from no root a walk can see (a
 *       thread's stack): no evidence either;
 *   <li>otherwise, the walks having seen everything, the registration holds the owner: a finding.
 * </ul>
 *
 * The walks have a budget of their own (the walk limit and timeout, so the check's other walks keep theirs); a
 * candidate they ran out of it on before reaching its owner is undecided. The storage of several candidates is
 * avoided at once: an owner held only by two listeners of its own on two subjects is held by registrations either
 * way. Walks only at a check, and only when it has such a candidate.
 */
final class RegistrationHold {
    /** What the walk decided for one candidate. */
    enum Verdict {
        /** Its registration holds the owner: a finding. */
        HOLDS,
        /** Something else holds the owner, or nothing visible holds the subject: no finding. */
        ELSEWHERE,
        /** The walk ran out of budget first. */
        UNDECIDED
    }

    /**
     * A candidate whose walk from its subject reached its listener by {@code path}; when not {@code traced}, a JDK
     * static registry no static field reaches holds it (the path's one step says so), and the listener itself is the
     * storage the walk from the roots avoids.
     */
    record Pending(Object subject, Object listener, Candidates.Candidate candidate, List<Step> path, boolean traced) {}

    /** A pending candidate and what was decided for it. */
    record Judged(Pending pending, Verdict verdict) {}

    private final int walkLimit;
    private final Duration walkTimeout;
    private final List<EndedOwner> ended;
    private final List<Pending> pending = new ArrayList<>();

    /** @param ended the check's ended owners, the candidates' among them */
    RegistrationHold(int walkLimit, Duration walkTimeout, List<EndedOwner> ended) {
        this.walkLimit = walkLimit;
        this.walkTimeout = walkTimeout;
        this.ended = ended;
    }

    void add(Pending p) {
        pending.add(p);
    }

    /**
     * Decides every candidate added; none when none was added. Two walks share one budget. The first, from the roots,
     * stops at the storages and at every owner that should be dead ({@code ended}), and lets go of what weak maps
     * keep for those: a candidate's owner it reaches is held elsewhere, and a subject it reaches is alive on its own,
     * not through what the tests left. The second, from the ended owners the first reached (alive on their own too),
     * stops at the storages only: an owner it reaches is held by one of them, so elsewhere.
     */
    List<Judged> judge() {
        if (pending.isEmpty()) {
            return List.of();
        }
        Set<Object> dead = identitySet();
        for (EndedOwner e : ended) {
            Object owner = e.record().owner();
            if (owner != null) {
                dead.add(owner);
            }
        }
        Set<Object> storages = identitySet();
        List<Judged> judged = new ArrayList<>(pending.size());
        List<Pending> walked = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            Object storage = p.traced() ? storageOf(p.subject(), p.path(), p.listener()) : p.listener();
            if (storage == null) {
                judged.add(new Judged(p, Verdict.HOLDS)); // the chain moved meanwhile: judged as the walk found it
                continue;
            }
            storages.add(storage);
            walked.add(p);
        }
        if (walked.isEmpty()) {
            return judged;
        }
        ReferenceWalker.Budget budget =
                new ReferenceWalker.Budget(walkLimit, System.nanoTime() + walkTimeout.toNanos());
        Set<Object> stopAt = identitySet();
        stopAt.addAll(storages);
        stopAt.addAll(dead);
        Set<Object> owners = identitySet();
        for (Pending p : walked) {
            owners.add(p.candidate().owner());
        }
        Set<Object> alone = RootsWalk.fromRoots(stopAt, dead, owners, budget);
        List<Object> aliveEnded = new ArrayList<>();
        for (Object o : dead) {
            if (alone.contains(o)) {
                aliveEnded.add(o);
            }
        }
        owners.removeAll(alone);
        Set<Object> throughEnded = aliveEnded.isEmpty() || owners.isEmpty() || budget.exhausted()
                ? Set.of()
                : RootsWalk.from(aliveEnded, storages, owners, budget);
        for (Pending p : walked) {
            Object owner = p.candidate().owner();
            Verdict v;
            if (alone.contains(owner) || throughEnded.contains(owner)) {
                v = Verdict.ELSEWHERE;
            } else if (budget.exhausted()) {
                v = Verdict.UNDECIDED;
            } else if (p.subject() instanceof Class || alone.contains(p.subject())) {
                v = Verdict.HOLDS;
            } else {
                v = Verdict.ELSEWHERE;
            }
            judged.add(new Judged(p, v));
        }
        return judged;
    }

    /**
     * The listener storage: the object the chain's last hop leaves, found again by following the chain's fields from
     * the subject; {@code null} when the chain no longer leads to the listener (changed since the walk).
     */
    static Object storageOf(Object subject, List<Step> path, Object listener) {
        Object holder = null;
        Object current = subject;
        for (Step s : path) {
            holder = current;
            current = follow(current, s);
            if (current == null) {
                return null;
            }
        }
        return current == listener ? holder : null;
    }

    private static Object follow(Object o, Step s) {
        String field = s.field();
        if (field.startsWith("[")) {
            int i = Integer.parseInt(field, 1, field.length() - 1, 10);
            return o instanceof Object[] a && i < a.length ? a[i] : null;
        }
        boolean isStatic = field.startsWith("static ");
        Field[] fields = isStatic
                ? (o instanceof Class<?> c ? ReferenceFields.staticOf(c) : new Field[0])
                : ReferenceFields.of(o.getClass());
        String name = isStatic ? field.substring("static ".length()) : field;
        for (Field f : fields) {
            if (f.getName().equals(name)) {
                Object value = ReferenceFields.read(f, isStatic ? null : o);
                if (value != null && value.getClass().getName().equals(s.to())) {
                    return value; // a field a subclass hides has the same name: the value's class tells them apart
                }
            }
        }
        return null;
    }

    private static Set<Object> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
