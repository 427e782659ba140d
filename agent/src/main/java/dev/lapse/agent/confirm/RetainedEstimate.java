package dev.lapse.agent.confirm;

import dev.lapse.agent.reflect.Access;
import java.util.Collection;

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

    private final GraphWalk walk = new GraphWalk();
    private int budget = PER_CHECK;

    /** @param subjects every subject of the check, which the walk never enters */
    RetainedEstimate(Collection<Object> subjects) {
        walk.exclude(subjects);
    }

    /** Bytes reachable from {@code owner} and not yet counted in this check. */
    long of(Object owner) {
        long[] bytes = new long[1];
        budget -= walk.walk(owner, Math.min(PER_OWNER, Math.max(budget, 0)), o -> bytes[0] += Access.sizeOf(o));
        return bytes[0];
    }
}
