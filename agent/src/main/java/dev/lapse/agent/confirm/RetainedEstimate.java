package dev.lapse.agent.confirm;

import dev.lapse.agent.reflect.Access;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How much memory a lapsed owner keeps alive, estimated by a bounded walk: the shallow sizes of the objects
 * reachable from the owner, not entering any subject of the check (they live on regardless) nor what no walk enters
 * ({@link GraphWalk#entered}), and not counting an object twice within one check: what two owners share is counted for
 * the first. It is an upper bound of the owner's retained size where the owner shares objects with live code,
 * and stops at {@link #PER_OWNER} objects per owner and {@link #PER_CHECK} per check; reports say it is an
 * estimate.
 */
final class RetainedEstimate {
    static final int PER_OWNER = 20_000;
    static final int PER_CHECK = 2_000_000;

    /** Objects an owner holds of its own, about (itself and a few listeners): sizes the check's one set of objects seen. */
    private static final int OBJECTS_PER_OWNER = 4;

    private final GraphWalk walk;
    /** Shallow sizes of instances, per class: asking the JVM for each of 100,000 owners' objects is a native call. */
    private final Map<Class<?>, Long> instanceSizes = new IdentityHashMap<>();

    /** What {@link #visitor} has counted of the current owner's walk. */
    private long bytes;

    /** Made once: a visitor that captured a counter would be allocated for each of thousands of owners. */
    private final Consumer<Object> visitor = o -> bytes += sizeOf(o);

    private int budget = PER_CHECK;

    /**
     * @param subjects every subject of the check, which the walk never enters
     * @param owners   about how many owners it will be asked about
     */
    RetainedEstimate(Collection<Object> subjects, int owners) {
        walk = new GraphWalk(subjects.size() + Math.min(owners, PER_CHECK / OBJECTS_PER_OWNER) * OBJECTS_PER_OWNER);
        walk.exclude(subjects);
    }

    /** Bytes reachable from {@code owner} and not yet counted in this check. */
    long of(Object owner) {
        bytes = 0;
        budget -= walk.walk(owner, Math.min(PER_OWNER, Math.max(budget, 0)), visitor);
        return bytes;
    }

    /**
     * Counts {@code owner} as walked without walking it: its size is estimated elsewhere (extrapolated from others of
     * its kind), so a later walk that meets it, from another owner or from the same owner in another finding, neither
     * counts it nor enters it, as if it had been walked first.
     */
    void estimated(Object owner) {
        walk.exclude(owner);
    }

    private long sizeOf(Object o) {
        Class<?> type = o.getClass();
        if (type.isArray()) {
            return Access.sizeOf(o);
        }
        Long size = instanceSizes.get(type);
        if (size == null) {
            size = Access.sizeOf(o);
            instanceSizes.put(type, size);
        }
        return size;
    }
}
