package dev.lapse.agent.track.signal;

import dev.lapse.agent.reflect.ReferenceFields;
import dev.lapse.agent.track.Step;
import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which registration APIs keep their callbacks only through a weak reference (a task system that "cannot leak"),
 * learnt once per API: the first registration through an API looks for its listener in its subject's own structure,
 * a few hops deep; an API whose subject held it strongly, or not within reach, is never looked at again (one array
 * read per registration). Through an API found holding weakly, each registration is looked for, to find the
 * {@link Reference} that holds its callback: that the subject still holds this reference, cleared, once the callback
 * is gone is what tells a lost callback from one that ran and was let go of.
 *
 * <p>The search reads fields only (never {@code equals}, {@code hashCode} or {@code toString}), keeps nothing, enters
 * no class, thread or class loader, and of the JDK's classes only arrays and {@code java.util}'s collections.
 */
final class WeakHolding {
    /** Objects looked at in one search: a task system keeps its callbacks a few hops from itself. */
    static final int MAX_OBJECTS = 256;

    static final int MAX_DEPTH = 5;

    private static final byte UNKNOWN = 0;
    private static final byte WEAK = 1;
    private static final byte NOT_WEAK = 2;

    /** By API id: whether its subjects hold their listeners weakly; grown under this object's lock. */
    private volatile byte[] learnt = new byte[256];

    /** The reference a subject holds a callback through, and the way from the subject to it. */
    record Held(List<Step> path, Reference<?> reference) {}

    /**
     * The reference that holds {@code listener} in {@code subject}, when {@code apiId}'s subjects hold their
     * listeners only weakly; {@code null} otherwise (learnt at the API's first registration).
     */
    Held heldWeakly(int apiId, Object subject, Object listener) {
        byte[] known = learnt;
        byte state = apiId >= 0 && apiId < known.length ? known[apiId] : UNKNOWN;
        if (state == NOT_WEAK || subject instanceof Class) {
            return null;
        }
        Search found = search(subject, listener, true);
        if (state == UNKNOWN) {
            learn(apiId, found != null && found.weakly ? WEAK : NOT_WEAK);
        }
        return found != null && found.weakly ? new Held(found.path, (Reference<?>) found.end) : null;
    }

    private synchronized void learn(int apiId, byte state) {
        if (apiId < 0) {
            return;
        }
        byte[] known = learnt;
        if (apiId >= known.length) {
            known = Arrays.copyOf(known, Math.max(apiId + 1, known.length * 2));
        }
        known[apiId] = state;
        learnt = known; // the volatile write publishes it
    }

    /**
     * The way from {@code subject} to {@code target} through strong references, or {@code null} when it is not
     * within reach: whether a subject still holds a reference it made.
     */
    static List<Step> strongPath(Object subject, Object target) {
        Search found = search(subject, target, false);
        return found == null || found.weakly ? null : found.path;
    }

    /** What a search found: the way to the reference that holds the target (its end), or to the target itself. */
    private record Search(List<Step> path, boolean weakly, Object end) {}

    /**
     * Breadth first from {@code from}: the way to {@code target} held strongly, or, with {@code throughReferences},
     * the way to a {@link Reference} whose referent it is (the path then ends at the reference).
     */
    private static Search search(Object from, Object target, boolean throughReferences) {
        Map<Object, Object[]> parents = new IdentityHashMap<>(); // object → {parent, field}
        ArrayDeque<Object> queue = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        parents.put(from, null);
        queue.add(from);
        depths.add(0);
        while (!queue.isEmpty() && parents.size() <= MAX_OBJECTS) {
            Object o = queue.poll();
            int depth = depths.poll();
            if (throughReferences && referent(o) == target) {
                return new Search(pathTo(parents, o), true, o);
            }
            if (depth >= MAX_DEPTH || (o != from && !entered(o.getClass()))) {
                continue;
            }
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (type.getComponentType().isPrimitive()) {
                    continue;
                }
                Object[] elements = (Object[]) o;
                for (int i = 0; i < elements.length && parents.size() <= MAX_OBJECTS; i++) {
                    Object e = elements[i];
                    if (e == target) {
                        return new Search(pathTo(parents, o, "[" + i + "]", e), false, e);
                    }
                    visit(parents, queue, depths, o, "[" + i + "]", e, depth);
                }
                continue;
            }
            for (Field f : ReferenceFields.of(type)) {
                Object value = ReferenceFields.read(f, o);
                if (value == target) {
                    return new Search(pathTo(parents, o, f.getName(), value), false, value);
                }
                visit(parents, queue, depths, o, f.getName(), value, depth);
            }
        }
        return null;
    }

    private static void visit(
            Map<Object, Object[]> parents,
            ArrayDeque<Object> queue,
            ArrayDeque<Integer> depths,
            Object parent,
            String field,
            Object value,
            int depth) {
        if (value != null && !parents.containsKey(value)) {
            parents.put(value, new Object[] {parent, field});
            queue.add(value);
            depths.add(depth + 1);
        }
    }

    /**
     * What a weak or soft reference refers to; {@code null} for any other object, and for a reference whose
     * {@code get} fails (the JDK's cleaners throw: they are phantom references).
     */
    private static Object referent(Object o) {
        if (!(o instanceof WeakReference<?> || o instanceof SoftReference<?>)) {
            return null;
        }
        try {
            return ((Reference<?>) o).get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Classes whose fields are read: the application's and libraries', arrays, and {@code java.util}'s. */
    private static boolean entered(Class<?> type) {
        if (type.isArray()) {
            return true;
        }
        if (Reference.class.isAssignableFrom(type)) {
            return !type.getName().startsWith("java."); // an entry that extends WeakReference, with fields of its own
        }
        String name = type.getName();
        if (name.startsWith("java.util.")) {
            return !name.startsWith("java.util.concurrent.locks.") && !name.startsWith("java.util.logging.");
        }
        return !(name.startsWith("java.")
                || name.startsWith("javax.")
                || name.startsWith("jdk.")
                || name.startsWith("sun.")
                || name.startsWith("com.sun."));
    }

    private static List<Step> pathTo(Map<Object, Object[]> parents, Object holder, String field, Object target) {
        List<Step> path = pathTo(parents, holder);
        path.add(new Step(holder.getClass().getName(), field, target.getClass().getName()));
        return path;
    }

    /** The steps from the search's start to {@code o}. */
    private static List<Step> pathTo(Map<Object, Object[]> parents, Object o) {
        List<Step> path = new ArrayList<>();
        for (Object[] p = parents.get(o); p != null; o = p[0], p = parents.get(o)) {
            path.add(new Step(
                    p[0].getClass().getName(), (String) p[1], o.getClass().getName()));
        }
        Collections.reverse(path);
        return path;
    }
}
