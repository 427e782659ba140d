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

    /** Where an object was reached from. */
    private record Parent(Object holder, String field) {}

    private ReferenceWalker() {}

    /**
     * Chains from {@code root} to each target reached; a {@code Class} root starts from its static fields.
     *
     * @return for each target found (by identity), the steps from the root to it
     */
    static Map<Object, List<Step>> walk(Object root, Set<Object> targets, Budget budget) {
        return walk(root, targets, budget, null);
    }

    /**
     * As {@link #walk(Object, Set, Budget)}, never entering the objects of {@code avoid}, an identity set (still
     * reached when they are targets): chains that do not pass through them; {@code null} for none.
     */
    static Map<Object, List<Step>> walk(Object root, Set<Object> targets, Budget budget, Set<Object> avoid) {
        Map<Object, List<Step>> found = new IdentityHashMap<>();
        Map<Object, Parent> parents = new IdentityHashMap<>();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        parents.put(root, null);
        if (root instanceof Class) {
            Class<?> type = (Class<?>) root;
            for (Field f : ReferenceFields.staticOf(type)) {
                reach(
                        ReferenceFields.read(f, null),
                        root,
                        "static " + f.getName(),
                        parents,
                        queue,
                        targets,
                        found,
                        avoid);
            }
        } else {
            queue.add(root);
        }
        while (!queue.isEmpty() && found.size() < targets.size() && budget.spend()) {
            Object o = queue.poll();
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    Object[] array = (Object[]) o;
                    for (int i = 0; i < array.length; i++) {
                        reach(array[i], o, "[" + i + "]", parents, queue, targets, found, avoid);
                    }
                }
            } else {
                for (Field f : ReferenceFields.of(type)) {
                    reach(ReferenceFields.read(f, o), o, f.getName(), parents, queue, targets, found, avoid);
                }
            }
        }
        return found.isEmpty() ? Collections.emptyMap() : found;
    }

    private static void reach(
            Object value,
            Object holder,
            String field,
            Map<Object, Parent> parents,
            ArrayDeque<Object> queue,
            Set<Object> targets,
            Map<Object, List<Step>> found,
            Set<Object> avoid) {
        if (value == null || parents.containsKey(value)) {
            return;
        }
        parents.put(value, new Parent(holder, field));
        if (targets.contains(value)) {
            found.put(value, chain(value, parents));
        }
        if (GraphWalk.entered(value) && (avoid == null || !avoid.contains(value))) {
            queue.add(value);
        }
    }

    private static List<Step> chain(Object target, Map<Object, Parent> parents) {
        List<Step> steps = new ArrayList<>();
        Object current = target;
        Parent p;
        while ((p = parents.get(current)) != null) {
            String from = p.holder() instanceof Class
                    ? ((Class<?>) p.holder()).getName()
                    : p.holder().getClass().getName();
            steps.add(new Step(from, p.field(), current.getClass().getName()));
            current = p.holder();
        }
        Collections.reverse(steps);
        return steps;
    }
}
