package dev.lapse.agent.track;

import java.util.ArrayList;
import java.util.List;

/**
 * What the end of a candidate owner ({@link OwnerResolver#noteCandidates}) does to the registrations of the listeners
 * that captured it. Two cases, told apart by who registered:
 *
 * <ul>
 *   <li><b>Bound</b>: the chosen owner registered the listener from its own {@code bindTo} method (Micrometer's
 *       {@code MeterBinder#bindTo(registry)}, whose listener captures the binder and the registry). A binder has no
 *       life of its own beyond what it was bound to: when that ends, the binder's registrations whose listeners
 *       captured it end too, and the binder stays the owner.
 *   <li><b>Otherwise the candidate is preferred</b>: a lambda holding a long-lived service and the panel that ended
 *       keeps the panel alive, not the service. The registrations move to the candidate, which the resolver gives as
 *       the listener's owner from then on.
 * </ul>
 */
public final class CandidateEnds {
    /** The method whose frame in the registration's stack says the owner registered while being bound. */
    static final String BIND_METHOD = "bindTo";

    private final RegistrationTable table;
    private final OwnerResolver owners;
    private final Stats stats;

    CandidateEnds(RegistrationTable table, OwnerResolver owners, Stats stats) {
        this.table = table;
        this.owners = owners;
        this.stats = stats;
    }

    /** Whether {@code o} is some live listener's candidate owner: the cheap test at every end of life. */
    public boolean isCandidate(Object o) {
        return owners.isCandidate(o);
    }

    /**
     * {@code candidate}'s life ended as {@code end} says: ends the binders bound to it, and moves to it the
     * registrations it is the better owner of. Call before recording {@code end} on the candidate itself.
     */
    public void ended(Object candidate, EndOfLife end) {
        for (Object listener : owners.capturing(candidate)) {
            Object owner = owners.ownerOf(listener);
            if (owner == candidate) {
                continue;
            }
            List<Registration> of = registrationsOf(owner, listener);
            if (of.isEmpty()) {
                continue;
            }
            if (end.signal() == Signal.LIFECYCLE_END && boundBy(of, owner)) {
                if (table.endOf(owner) == null) {
                    table.signal(owner, end.boundTo(of, candidate.getClass().getName()));
                }
                continue;
            }
            owners.adopt(listener, candidate);
            for (Registration r : of) {
                if (table.forget(owner, r)) {
                    // a move, not a removal: forget counted one, and add counts it as tracked again
                    stats.removed.add(-1);
                    table.add(candidate, r);
                }
            }
        }
    }

    private List<Registration> registrationsOf(Object owner, Object listener) {
        List<Registration> all = table.registrationsOf(owner);
        List<Registration> of = new ArrayList<>(2);
        if (all != null) {
            for (Registration r : all) {
                if (r.listener() == listener) {
                    of.add(r);
                }
            }
        }
        return of;
    }

    /** Whether one of the registrations was made from a {@code bindTo} method of the owner's class or a superclass. */
    private static boolean boundBy(List<Registration> registrations, Object owner) {
        for (Registration r : registrations) {
            for (StackTraceElement frame : r.site().frames()) {
                if (frame.getMethodName().equals(BIND_METHOD) && declares(owner.getClass(), frame.getClassName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean declares(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
