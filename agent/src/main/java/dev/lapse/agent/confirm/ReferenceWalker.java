package dev.lapse.agent.confirm;

import dev.lapse.agent.reflect.ReferenceFields;
import dev.lapse.agent.track.Step;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bounded, time-boxed breadth-first walk over strong references (instance fields and array elements) from a
 * root to a set of targets, yielding the shortest chain to each, field by field. It reads fields only; it never
 * calls a method of the objects it meets, and compares them by identity. Weak and soft referents are not
 * followed: they hold nothing alive. What it never enters is {@link GraphWalk#entered}'s rule; unlike that walk's,
 * such an object is still reached (a {@code Thread} registered as a shutdown hook is a listener to find).
 */
final class ReferenceWalker {

    /** What a walk may spend; shared by all walks of one check. */
    static final class Budget {
        private final int maxObjects;
        private final long deadlineNanos;
        private int visited;
        private boolean exhausted;

        Budget(int maxObjects, long deadlineNanos) {
            this.maxObjects = maxObjects;
            this.deadlineNanos = deadlineNanos;
        }

        boolean spend() {
            if (exhausted) {
                return false;
            }
            if (++visited > maxObjects || ((visited & 63) == 0 && System.nanoTime() > deadlineNanos)) {
                exhausted = true;
            }
            return !exhausted;
        }

        boolean exhausted() {
            return exhausted;
        }

        int visited() {
            return visited;
        }
    }

    /**
     * Where an object was reached from: a field by name, or an array element by index (its name is made only for
     * a chain, not for each of a large array's elements).
     */
    private record Parent(Object holder, String field, int index) {
        String step() {
            return field != null ? field : "[" + index + "]";
        }
    }

    private ReferenceWalker() {}

    /**
     * Chains from {@code root} to each target reached; a {@code Class} root starts from its static fields.
     *
     * @return for each target found (by identity), the steps from the root to it
     */
    static Map<Object, List<Step>> walk(Object root, Set<Object> targets, Budget budget) {
        return walk(root, targets, budget, null);
    }

    /** The chain from {@code root} to {@code target}, or {@code null} when the walk does not reach it. */
    static List<Step> pathTo(Object root, Object target, Budget budget) {
        Set<Object> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        targets.add(target);
        return walk(root, targets, budget).get(target);
    }

    /**
     * As {@link #walk(Object, Set, Budget)}, never entering the objects of {@code avoid}, an identity set (still
     * reached when they are targets): chains that do not pass through them; {@code null} for none.
     */
    static Map<Object, List<Step>> walk(Object root, Set<Object> targets, Budget budget, Set<Object> avoid) {
        Reached reached = reach(root, targets, budget, avoid);
        if (reached.count() == 0) {
            return Collections.emptyMap();
        }
        Map<Object, List<Step>> found = new IdentityHashMap<>();
        for (Object target : targets) {
            List<Step> chain = reached.chainTo(target);
            if (chain != null) {
                found.put(target, chain);
            }
        }
        return found;
    }

    /**
     * As {@link #walk(Object, Set, Budget, Set)}, with each chain made only when it is asked for: a check that
     * confirms thousands of listeners of one subject tells the chain of a few of them (one per finding).
     */
    static Reached reach(Object root, Set<Object> targets, Budget budget, Set<Object> avoid) {
        Walk walk = new Walk(targets, avoid);
        walk.parents.put(root, null);
        if (root instanceof Class) {
            Class<?> type = (Class<?>) root;
            for (Field f : ReferenceFields.staticOf(type)) {
                walk.reach(ReferenceFields.read(f, null), new Parent(root, "static " + f.getName(), -1));
            }
        } else {
            walk.queue.add(root);
        }
        while (!walk.queue.isEmpty() && walk.found < targets.size() && budget.spend()) {
            Object o = walk.queue.poll();
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    Object[] array = (Object[]) o;
                    for (int i = 0; i < array.length; i++) {
                        if (array[i] != null) {
                            walk.reach(array[i], new Parent(o, null, i));
                        }
                    }
                }
            } else {
                for (Field f : ReferenceFields.of(type)) {
                    Object value = ReferenceFields.read(f, o);
                    if (value != null) {
                        walk.reach(value, new Parent(o, f.getName(), -1));
                    }
                }
            }
        }
        return new Reached(walk);
    }

    /** The targets one walk reached, and the chain to each on demand. */
    static final class Reached {
        private final Walk walk;

        private Reached(Walk walk) {
            this.walk = walk;
        }

        /** Whether the walk reached {@code target}, one of its targets. */
        boolean contains(Object target) {
            return walk.parents.get(target) != null && walk.targets.contains(target);
        }

        /** The steps from the root to {@code target}, or {@code null} when the walk did not reach it. */
        List<Step> chainTo(Object target) {
            return contains(target) ? walk.chain(target, walk.parents.get(target)) : null;
        }

        /** How many targets the walk reached. */
        int count() {
            return walk.found;
        }
    }

    /** One walk's state. */
    private static final class Walk {
        final Set<Object> targets;
        final Set<Object> avoid;
        final Map<Object, Parent> parents = new IdentityHashMap<>();
        /** The steps to each holder of a target, made once: a subject's thousands of listeners share them. */
        final Map<Object, List<Step>> toHolders = new IdentityHashMap<>();

        final ArrayDeque<Object> queue = new ArrayDeque<>();
        /** How many targets were reached. */
        int found;

        Walk(Set<Object> targets, Set<Object> avoid) {
            this.targets = targets;
            this.avoid = avoid;
        }

        void reach(Object value, Parent from) {
            if (value == null || parents.containsKey(value)) {
                return;
            }
            parents.put(value, from);
            if (targets.contains(value)) {
                found++;
            }
            if (GraphWalk.entered(value) && (avoid == null || !avoid.contains(value))) {
                queue.add(value);
            }
        }

        /** The steps to {@code target}: those to its holder, then the last one. */
        private List<Step> chain(Object target, Parent last) {
            List<Step> toHolder = toHolders.get(last.holder());
            if (toHolder == null) {
                toHolder = steps(last.holder());
                toHolders.put(last.holder(), toHolder);
            }
            List<Step> steps = new ArrayList<>(toHolder.size() + 1);
            steps.addAll(toHolder);
            steps.add(step(last, target));
            return steps;
        }

        private List<Step> steps(Object to) {
            List<Step> steps = new ArrayList<>();
            Object current = to;
            Parent p;
            while ((p = parents.get(current)) != null) {
                steps.add(step(p, current));
                current = p.holder();
            }
            Collections.reverse(steps);
            return steps;
        }

        private static Step step(Parent p, Object reached) {
            String from = p.holder() instanceof Class
                    ? ((Class<?>) p.holder()).getName()
                    : p.holder().getClass().getName();
            return new Step(from, p.step(), reached.getClass().getName());
        }
    }
}
