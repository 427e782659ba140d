package dev.lapse.agent.track;

import dev.lapse.agent.instrument.ApiCatalog;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What the end of a candidate owner ({@link OwnerResolver#candidatesOf}, kept by {@link #note}) does to the registrations of the listeners
 * that captured it. Two cases, told apart by who registered:
 *
 * <ul>
 *   <li><b>Bound</b>: the chosen owner registered the listener from its own {@code bindTo} method (Micrometer's
 *       {@code MeterBinder#bindTo(registry)}, whose listener captures the binder and the registry). A binder has no
 *       life of its own beyond what it was bound to: when that ends, the binder's registrations whose listeners
 *       captured it end too, and the binder stays the owner.
 *   <li><b>Otherwise the candidate is preferred, at the check</b>: a lambda holding a long-lived service and the
 *       panel that ended keeps the panel alive, not the service. At the next check, when the chosen owner has no end
 *       of its own, the registrations move to the candidate, which the resolver gives as the listener's owner from
 *       then on. An owner that ended too stays the owner: a group whose {@code close()} closed the resolver its
 *       listener captured is the one that ended, the resolver only went with it.
 * </ul>
 *
 * Candidates' ends wait for the check weakly, at most {@value #MAX_PENDING} of them between two checks; past that,
 * the listeners stay with the owners chosen at registration.
 */
public final class CandidateEnds {
    /** The method whose frame in the registration's stack says the owner registered while being bound. */
    static final String BIND_METHOD = "bindTo";

    static final int MAX_PENDING = 256;

    /** A candidate's end, waiting for the check to decide whether the candidate becomes the listener's owner. */
    private record Pending(WeakReference<Object> candidate, WeakReference<Object> listener, EndOfLife end) {}

    private final List<Pending> pending = new ArrayList<>();

    private final RegistrationTable table;
    private final OwnerResolver owners;
    private final Stats stats;

    /**
     * Per class: whether it or a superclass has an instrumented lifecycle end, so that an instance of it can end.
     * Only those are kept as candidates: a captured counter or value never ends, and costs nothing at registration.
     */
    private final ClassValue<Boolean> mayEnd;

    CandidateEnds(RegistrationTable table, OwnerResolver owners, Stats stats, ApiCatalog catalog) {
        this.table = table;
        this.owners = owners;
        this.stats = stats;
        this.mayEnd = new ClassValue<Boolean>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                    if (catalog.declaresEnd(c.getName())) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** At registration: keeps the candidate owners of {@code listener} (besides {@code owner}) that can end. */
    void note(Object listener, Object owner) {
        for (Object candidate : owners.candidatesOf(listener, owner)) {
            if (mayEnd.get(candidate.getClass())) {
                owners.noteCandidate(candidate, listener);
            }
        }
    }

    /**
     * At registration, for a listener that captured nothing of the application (it is its own owner: a JDK wrapper, a
     * proxy, a lambda that captured only JDK objects, a named listener class): keeps the {@code this} of the code that
     * registered it as a candidate owner, when that can end and the listener holds objects through which it may reach
     * it (an {@code EventHandler}'s target, a wrapper's delegate). Whether it does is for the check to find.
     */
    void noteCaller(Object caller, Object listener) {
        Class<?> type = listener.getClass();
        if (mayEnd.get(caller.getClass()) && HOLDS_OBJECTS.get(type) && !WeakWrappers.isWeakWrapper(listener)) {
            owners.noteCandidate(caller, listener);
        }
    }

    /** Per class: whether its instances have an object field (theirs or inherited), through which they may hold one. */
    private static final ClassValue<Boolean> HOLDS_OBJECTS = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                            return true;
                        }
                    }
                }
            } catch (LinkageError | SecurityException e) {
                return false;
            }
            return false;
        }
    };

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
            synchronized (pending) {
                if (pending.size() < MAX_PENDING) {
                    pending.add(new Pending(new WeakReference<>(candidate), new WeakReference<>(listener), end));
                }
            }
        }
    }

    /**
     * At a check, before the ended owners are read: each candidate that ended becomes the owner of the registrations
     * of the listeners that captured it, unless their owner has an end of its own that covers them.
     */
    void settle() {
        List<Pending> due;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            due = new ArrayList<>(pending);
            pending.clear();
        }
        for (Pending p : due) {
            Object candidate = p.candidate().get();
            Object listener = p.listener().get();
            if (candidate == null || listener == null) {
                continue;
            }
            Object owner = owners.ownerOf(listener);
            List<Registration> of = owner == candidate ? List.of() : registrationsOf(owner, listener);
            EndOfLife own = of.isEmpty() ? null : table.endOf(owner);
            if (of.isEmpty() || (own != null && own.covers(of.get(0)))) {
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
            if (table.endOf(candidate) == null) {
                table.signal(candidate, p.end());
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
