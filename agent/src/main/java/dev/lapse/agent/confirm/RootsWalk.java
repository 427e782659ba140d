package dev.lapse.agent.confirm;

import dev.lapse.agent.bootstrap.LapseHook;
import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.ClassInit;
import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the JVM's roots reach, as far as fields can see them: a breadth-first walk by identity from the static fields
 * of every initialised class but the agent's and from every live platform thread, that reads fields only and never
 * enters the objects it is told to stop at (still reached). Unlike {@link ReferenceWalker} it keeps no chains, only
 * the set reached, and it can let go of what a weak map keeps for an object that should be dead: a weak reference
 * to it that carries more fields (a {@code WeakHashMap} entry), or a map entry whose key is one (a concurrent map of
 * weak keys, as mocking libraries keep their mocks' state), is entered only along its links to the next entries,
 * since its value lives only as long as its key. Spends a {@link ReferenceWalker.Budget}.
 */
final class RootsWalk {
    private static final String AGENT_PACKAGE = "dev.lapse.agent.";

    /** The objects a weak reference class's own {@code get} can be asked for: the JDK's, not an override. */
    private static final ClassValue<Boolean> PLAIN_GET = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("get").getDeclaringClass() == Reference.class;
            } catch (NoSuchMethodException | SecurityException e) {
                return false;
            }
        }
    };

    private final Set<Object> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final Set<Object> stopAt;
    private final Set<Object> dead;
    private final Set<Object> wanted;
    /** How many of {@link #wanted} are not reached yet: at none, what is left to walk cannot change an answer. */
    private int unreached;

    /**
     * @param stopAt objects reached but never entered (an identity set)
     * @param dead   objects whose weak entries are entered only along their links (an identity set); may be empty
     * @param wanted the objects the caller asks about (an identity set, not empty): the walk ends once it reached
     *     them all
     */
    private RootsWalk(Set<Object> stopAt, Set<Object> dead, Set<Object> wanted) {
        this.stopAt = stopAt;
        this.dead = dead;
        this.wanted = wanted;
        this.unreached = wanted.size();
    }

    /**
     * Walks from the JVM's roots, but a live thread in {@code stopAt}; returns what it reached, all of it unless it
     * reached every one of {@code wanted} first (then only that is certain).
     */
    static Set<Object> fromRoots(
            Set<Object> stopAt, Set<Object> dead, Set<Object> wanted, ReferenceWalker.Budget budget) {
        RootsWalk w = new RootsWalk(stopAt, dead, wanted);
        for (Class<?> c : Access.loadedClasses()) {
            if (c.isArray() || c.isPrimitive() || agents(c) || !ClassInit.initialized(c)) {
                continue; // reading a static field of a class not initialised would initialise it
            }
            for (Field f : ReferenceFields.staticOf(c)) {
                w.reach(ReferenceFields.read(f, null));
            }
        }
        for (Thread t : liveThreads()) {
            if (stopAt.contains(t)) {
                continue; // a listener that is a thread the JVM's exit started: its fields are its own
            }
            w.reached(t);
            for (Field f : ReferenceFields.of(t.getClass())) {
                w.reach(ReferenceFields.read(f, t));
            }
        }
        w.run(budget);
        return w.reached;
    }

    /** Walks from {@code starts}, entering them; returns what it reached, as {@link #fromRoots} does. */
    static Set<Object> from(
            List<Object> starts, Set<Object> stopAt, Set<Object> wanted, ReferenceWalker.Budget budget) {
        RootsWalk w = new RootsWalk(stopAt, Set.of(), wanted);
        for (Object o : starts) {
            w.reached(o);
            w.queue.add(o);
        }
        w.run(budget);
        return w.reached;
    }

    private void run(ReferenceWalker.Budget budget) {
        while (!queue.isEmpty() && unreached > 0 && budget.spend()) {
            Object o = queue.poll();
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (Object element : (Object[]) o) {
                        reach(element);
                    }
                }
                continue;
            }
            boolean keptForDead = keptForDead(o);
            for (Field f : ReferenceFields.of(type)) {
                Object value = ReferenceFields.read(f, o);
                if (!keptForDead || (value != null && value.getClass() == type)) {
                    reach(value);
                }
            }
        }
    }

    private void reach(Object value) {
        if (value == null || !reached(value)) {
            return;
        }
        if (GraphWalk.entered(value) && !stopAt.contains(value)) {
            queue.add(value);
        }
    }

    /** Adds {@code value} to what was reached; whether it was new. */
    private boolean reached(Object value) {
        if (!reached.add(value)) {
            return false;
        }
        if (wanted.contains(value)) {
            unreached--;
        }
        return true;
    }

    /** Whether {@code o} is a weak entry of a dead object, or a map entry whose key is one. */
    private boolean keptForDead(Object o) {
        if (dead.isEmpty()) {
            return false;
        }
        if (o instanceof Reference<?> r) {
            return refersToDead(r);
        }
        if (o instanceof Map.Entry) {
            for (Field f : ReferenceFields.of(o.getClass())) {
                if (ReferenceFields.read(f, o) instanceof Reference<?> r && refersToDead(r)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean refersToDead(Reference<?> r) {
        return PLAIN_GET.get(r.getClass()) && dead.contains(r.get());
    }

    /**
     * The agent's own classes (the hook's included, which the build renamed into a JDK package): what they hold is
     * weak, or the check's own state, which no application object depends on.
     */
    private static boolean agents(Class<?> c) {
        return c.getName().startsWith(AGENT_PACKAGE) || c == LapseHook.class;
    }

    private static List<Thread> liveThreads() {
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        Thread[] threads = new Thread[top.activeCount() * 2 + 16];
        int n = top.enumerate(threads, true);
        List<Thread> live = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            live.add(threads[i]);
        }
        return live;
    }
}
