package dev.lapse.agent.confirm;

import dev.lapse.agent.bootstrap.LapseHook;
import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.ClassInit;
import dev.lapse.agent.reflect.ReferenceFields;
import dev.lapse.agent.track.Step;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a scope-end candidate's registration is what holds its owner (DESIGN.md section 3, scope end). An owner
 * made during a test may be a JVM-wide object that merely happened to be made then (a logging context the static
 * loggers hold, a test context a static cache keeps, a builder and its results that something else keeps): the walk
 * from its subject reaches it, yet removing the listener would free nothing. So the candidates of one check are
 * decided together by one walk from the JVM's roots as far as fields can see them (the static fields of every
 * initialised class but the agent's, the fields of every live thread) that never enters the listener storage of any of them, the
 * object the chain's last hop leaves (a listener array, a registration entry):
 *
 * <ul>
 *   <li>an owner the walk reaches is held other than through a registration: not a finding;
 *   <li>a subject it does not reach is reachable only through an owner, or from no root it can see (a thread's
 *       stack): no evidence either;
 *   <li>otherwise, the walk having seen everything, the registration holds the owner: a finding.
 * </ul>
 *
 * A walk that runs out of its budget (the walk limit and timeout, its own, so the check's other walks keep theirs)
 * before reaching an owner leaves that candidate undecided. The storage of several candidates is avoided at once: an
 * owner held only by two listeners of its own on two subjects is held by registrations either way. Walks only at a
 * check, and only when it has such a candidate.
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

    private static final String AGENT_PACKAGE = "dev.lapse.agent.";

    private final int walkLimit;
    private final Duration walkTimeout;
    private final List<Pending> pending = new ArrayList<>();

    RegistrationHold(int walkLimit, Duration walkTimeout) {
        this.walkLimit = walkLimit;
        this.walkTimeout = walkTimeout;
    }

    void add(Pending p) {
        pending.add(p);
    }

    /** Decides every candidate added, by one walk from the roots; none when none was added. */
    List<Judged> judge() {
        if (pending.isEmpty()) {
            return List.of();
        }
        Set<Object> targets = identitySet();
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
            targets.add(p.candidate().owner());
            if (!(p.subject() instanceof Class)) {
                targets.add(p.subject());
            }
            walked.add(p);
        }
        if (walked.isEmpty()) {
            return judged;
        }
        ReferenceWalker.Budget budget =
                new ReferenceWalker.Budget(walkLimit, System.nanoTime() + walkTimeout.toNanos());
        Map<Object, List<Step>> reached = ReferenceWalker.walk(roots(storages), targets, budget, storages);
        for (Pending p : walked) {
            Verdict v;
            if (reached.containsKey(p.candidate().owner())) {
                v = Verdict.ELSEWHERE;
            } else if (budget.exhausted()) {
                v = Verdict.UNDECIDED;
            } else if (p.subject() instanceof Class || reached.containsKey(p.subject())) {
                v = Verdict.HOLDS;
            } else {
                v = Verdict.ELSEWHERE;
            }
            judged.add(new Judged(p, v));
        }
        return judged;
    }

    /**
     * What the roots hold, as one array for the walk to start from: the values of the static fields of every
     * initialised class (a class whose initialiser has not run is never read, which would run it), every live
     * platform thread and the values of its fields (its thread locals, its runnable, a timer thread's queue), but a
     * thread that is itself a storage to avoid (a shutdown hook the JVM's exit started).
     */
    private static Object[] roots(Set<Object> avoid) {
        List<Object> roots = new ArrayList<>();
        for (Class<?> c : Access.loadedClasses()) {
            if (c.isArray() || c.isPrimitive() || agents(c) || !ClassInit.initialized(c)) {
                continue;
            }
            for (Field f : ReferenceFields.staticOf(c)) {
                Object value = ReferenceFields.read(f, null);
                if (value != null) {
                    roots.add(value);
                }
            }
        }
        for (Thread t : liveThreads()) {
            if (avoid.contains(t)) {
                continue;
            }
            roots.add(t);
            for (Field f : ReferenceFields.of(t.getClass())) {
                Object value = ReferenceFields.read(f, t);
                if (value != null) {
                    roots.add(value);
                }
            }
        }
        return roots.toArray();
    }

    /**
     * The agent's own classes (the hook's included, which the build renamed into a JDK package): what they hold is
     * weak, or the check's own state, which no application object depends on.
     */
    private static boolean agents(Class<?> c) {
        return c.getName().startsWith(AGENT_PACKAGE) || c == LapseHook.class;
    }

    private static Thread[] liveThreads() {
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        Thread[] threads = new Thread[top.activeCount() * 2 + 16];
        int n = top.enumerate(threads, true);
        Thread[] live = new Thread[n];
        System.arraycopy(threads, 0, live, 0, n);
        return live;
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
