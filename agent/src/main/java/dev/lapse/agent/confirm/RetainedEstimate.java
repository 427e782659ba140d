package dev.lapse.agent.confirm;

import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * How much memory a lapsed owner keeps alive, estimated by a bounded walk: the shallow sizes of the objects
 * reachable from the owner, not entering any subject of the check (they live on regardless), classes, class
 * loaders or threads, and not counting an object twice within one check: what two owners share is counted for
 * the first. It is an upper bound of the owner's retained
 * size where the owner shares objects with live code, and stops at {@link #PER_OWNER} objects per owner and
 * {@link #PER_CHECK} per check; reports say it is an estimate.
 */
final class RetainedEstimate {
    static final int PER_OWNER = 20_000;
    static final int PER_CHECK = 2_000_000;

    private final Set<Object> counted = Collections.newSetFromMap(new IdentityHashMap<>());
    private int budget = PER_CHECK;

    /** @param subjects every subject of the check, which the walk never enters */
    RetainedEstimate(Collection<Object> subjects) {
        counted.addAll(subjects);
    }

    /** Bytes reachable from {@code owner} and not yet counted in this check. */
    long of(Object owner) {
        long bytes = 0;
        int visits = 0;
        ArrayDeque<Object> queue = new ArrayDeque<>();
        visit(owner, queue);
        while (!queue.isEmpty() && visits < PER_OWNER && budget > 0) {
            Object o = queue.poll();
            visits++;
            budget--;
            bytes += Access.sizeOf(o);
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0, n = Array.getLength(o); i < n; i++) {
                        visit(Array.get(o, i), queue);
                    }
                }
            } else {
                for (Field f : ReferenceFields.of(type)) {
                    visit(ReferenceFields.read(f, o), queue);
                }
            }
        }
        return bytes;
    }

    private void visit(Object o, ArrayDeque<Object> queue) {
        if (o == null || o instanceof Class || o instanceof ClassLoader || o instanceof Thread
                || !counted.add(o)) {
            return;
        }
        queue.add(o);
    }
}
