package dev.lapse.agent.confirm;

/**
 * Whether owners still reach subjects they held: through a field of their own (the common case, and cheap), else
 * within {@value #WALK_LIMIT} objects of what they hold. The walk of the last owner asked about is kept, since an
 * owner's registrations are asked about one after the other; all walks of one check together stop at
 * {@value #TOTAL_LIMIT} objects. A walk that runs out of budget decides nothing. Instance fields only: a static field
 * is nobody's hold, and reading one could initialise its class. Holds what it walked: use one per phase of a check,
 * never across its collection.
 */
final class Reach {
    /**
     * Most objects walked from one owner to tell whether it still reaches a subject it registered on; an owner that
     * reaches more (a whole window) is not judged.
     */
    private static final int WALK_LIMIT = 10_000;
    /** Most objects all of one check's detached-subject walks visit together. */
    private static final int TOTAL_LIMIT = 1_000_000;

    private Object lastOwner;
    private GraphWalk lastWalk; // null when the last owner's walk ran out of budget
    private int visited;

    /** Whether {@code owner} no longer reaches {@code subject}. */
    boolean lostHoldOf(Object owner, Object subject) {
        if (Holders.instanceFieldHolding(owner, subject) != null) {
            return false;
        }
        if (owner != lastOwner) {
            lastOwner = owner;
            lastWalk = null;
            if (visited < TOTAL_LIMIT) {
                GraphWalk w = new GraphWalk();
                visited += w.walk(owner, WALK_LIMIT, x -> {});
                lastWalk = w.truncated() ? null : w;
            }
        }
        return lastWalk != null && !lastWalk.seen(subject);
    }
}
