package dev.lapse.agent.confirm;

import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A bounded breadth-first walk over instance fields and array elements, by identity: what an object holds of its own,
 * not the world. The objects seen are remembered across walks, so several walks can share out one graph. What no walk
 * enters is {@link #entered}'s one rule, which {@link ReferenceWalker} follows too; this walk does not count such
 * objects either.
 */
final class GraphWalk {
    /**
     * Whether a walk reads the fields of {@code o}: not of a {@code Class} (its static fields are the world's), a class
     * loader, a thread or a module (their graphs are the whole heap and never the path a registration makes), nor of
     * a string (which holds nothing but its characters).
     */
    static boolean entered(Object o) {
        return !(o instanceof Class
                || o instanceof ClassLoader
                || o instanceof Thread
                || o instanceof Module
                || o instanceof String);
    }

    private final Set<Object> seen;
    /** The walk's queue, one for all walks: a check asks for a walk from each of thousands of owners. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();

    private int queueLimit;
    private boolean truncated;
    /** How many more objects the walk {@link #begin begun} may visit. */
    private int unvisited;

    GraphWalk() {
        this(32);
    }

    /**
     * @param expected about how many objects the walks will see: a set grown by doubling to hundreds of thousands
     *                 spends more time copying itself than the walks do reading fields
     */
    GraphWalk(int expected) {
        seen = Collections.newSetFromMap(new IdentityHashMap<>(expected));
    }

    /** Marks objects the walks must neither visit nor enter. */
    void exclude(Iterable<?> objects) {
        for (Object o : objects) {
            exclude(o);
        }
    }

    /** Marks an object the walks must neither visit nor enter. */
    void exclude(Object o) {
        seen.add(o);
    }

    /** Whether a walk met {@code o} (or it was excluded). */
    boolean seen(Object o) {
        return seen.contains(o);
    }

    /**
     * Visits the objects reachable from {@code start} that no walk has seen yet, at most {@code limit} of them.
     *
     * @return how many were visited
     */
    int walk(Object start, int limit, Consumer<Object> visitor) {
        queueLimit = limit;
        offer(start);
        int visited = 0;
        while (!queue.isEmpty() && visited < limit) {
            Object o = queue.poll();
            visited++;
            visitor.accept(o);
            offerFieldsOf(o);
        }
        truncated |= !queue.isEmpty();
        queue.clear();
        return visited;
    }

    /**
     * Begins a walk from {@code start}, of at most {@code limit} objects, that {@link #reaches} advances only as far
     * as each question needs: a scope's own graph may be large, and most questions are answered near its root.
     */
    void begin(Object start, int limit) {
        queueLimit = limit;
        unvisited = limit;
        offer(start);
    }

    /**
     * Whether the walk {@link #begin begun} meets {@code o}: it goes on, in the same order, until it does or it ends,
     * so the answer is the one the whole walk would have given.
     */
    boolean reaches(Object o) {
        while (!seen.contains(o) && !queue.isEmpty() && unvisited > 0) {
            unvisited--;
            offerFieldsOf(queue.poll());
        }
        if (unvisited == 0) {
            queue.clear(); // ended: what it queued counts as met, as at the end of a whole walk
        }
        return seen.contains(o);
    }

    private void offerFieldsOf(Object o) {
        Class<?> type = o.getClass();
        if (type.isArray()) {
            if (!type.getComponentType().isPrimitive()) {
                for (int i = 0, n = Array.getLength(o); i < n; i++) {
                    offer(Array.get(o, i));
                }
            }
        } else {
            for (Field f : ReferenceFields.of(type)) {
                offer(ReferenceFields.read(f, o));
            }
        }
    }

    /**
     * Whether a walk left objects out: it reached its limit, or an array bigger than it would have queued more (a
     * walk bounds what it queues as well as what it visits, so one huge array costs no more than the limit).
     */
    boolean truncated() {
        return truncated;
    }

    private void offer(Object o) {
        if (o == null || !entered(o)) {
            return;
        }
        if (queue.size() >= queueLimit) {
            truncated |= !seen.contains(o);
            return;
        }
        if (seen.add(o)) { // one probe of the set for an object not seen yet, not two
            queue.add(o);
        }
    }
}
