package dev.lapse.agent.track;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * An owner with live registrations: a weak reference to the owner, its registrations and its end of life.
 * It is also the node of its {@link OwnerTable} chain. All mutable state is guarded by the lock of the table
 * segment that holds it; only {@link #end()} may be read without it.
 *
 * <p>Registrations are kept as one object while there is one (most owners) and as an array after that, to
 * keep the per-registration memory within budget.
 */
public class OwnerRecord extends WeakReference<Object> {
    // five fields after the reference's: 48 bytes with compressed pointers (a sixth would make it 56)
    private final int hash;
    OwnerRecord next;
    private Object registrations; // null, a Registration, or a Registration[] holding `size` entries
    private int size;
    private volatile EndOfLife end;

    OwnerRecord(Object owner, int identityHash, ReferenceQueue<Object> queue) {
        super(owner, queue);
        this.hash = identityHash;
    }

    /**
     * The record of an owner whose first registration was made in a scope (a test), which it keeps: scope ends only
     * end owners born in them. A class of its own so that the records of runs without scopes carry no field for it.
     */
    static final class Scoped extends OwnerRecord {
        private final String firstScope;

        Scoped(Object owner, int identityHash, ReferenceQueue<Object> queue, String firstScope) {
            super(owner, identityHash, queue);
            this.firstScope = firstScope;
        }

        @Override
        public String firstScope() {
            return firstScope;
        }
    }

    /** The owner, or {@code null} once collected. */
    public Object owner() {
        return get();
    }

    /** Why the owner should be dead, or {@code null} while it is alive as far as anyone said. */
    public EndOfLife end() {
        return end;
    }

    int hash() {
        return hash;
    }

    void end(EndOfLife e) {
        end = e;
    }

    /** The scope the owner's first registration was made in, or {@code null}. Call under the segment lock. */
    /** The scope of the owner's first registration, or {@code null}. */
    public String firstScope() {
        return null;
    }

    /** Whether a registration of this owner was made in {@code scope}. Call under the segment lock. */
    public boolean registeredIn(String scope) {
        for (int i = 0; i < size; i++) {
            if (scope.equals(at(i).scope())) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds a registration; the owner is alive again if it had ended. Returns how many dead ones were purged. */
    int add(Registration r) {
        int purged = size > 0 ? purgeDeadCount() : 0;
        if (size == 0) {
            registrations = r;
        } else if (size == 1) {
            registrations = new Registration[] {(Registration) registrations, r, null, null};
        } else {
            Registration[] array = (Registration[]) registrations;
            if (size == array.length) {
                array = Arrays.copyOf(array, size * 2);
                registrations = array;
            }
            array[size] = r;
        }
        size++;
        end = null; // an owner that registers again is alive again
        return purged;
    }

    /** Removes the first registration that a removal of {@code listener} from {@code subject} undoes. */
    Registration remove(Object subject, Object listener, RemoveMatcher matcher) {
        for (int i = 0; i < size; i++) {
            Registration r = at(i);
            if (r.get() == listener && r.subject() == subject && matcher.undoes(r.apiId())) {
                removeAt(i);
                return r;
            }
        }
        return null;
    }

    /**
     * How many live registrations are on {@code subject}, or were made through {@code apiId} from {@code site} (on
     * other subjects): what a removal left behind. Allocates nothing; the removal path asks it.
     */
    int countLeftBehind(Object subject, int apiId, Site site) {
        int left = 0;
        for (int i = 0; i < size; i++) {
            if (at(i).leftBy(subject, apiId, site)) {
                left++;
            }
        }
        return left;
    }

    /** Whether {@code end} speaks of any of the live registrations. */
    boolean anyCovered(EndOfLife end) {
        for (int i = 0; i < size; i++) {
            Registration r = at(i);
            if (r.get() != null && r.subject() != null && end.covers(r)) {
                return true;
            }
        }
        return false;
    }

    /** How many live registrations {@code which} accepts that no end of life covers. Call under the segment lock. */
    int unjudged(Predicate<Registration> which) {
        EndOfLife e = end;
        int n = 0;
        for (int i = 0; i < size; i++) {
            Registration r = at(i);
            if (r.get() != null && r.subject() != null && which.test(r) && (e == null || !e.covers(r))) {
                n++;
            }
        }
        return n;
    }

    /** Whether {@code r} itself is one of the registrations. */
    boolean contains(Registration r) {
        for (int i = 0; i < size; i++) {
            if (at(i) == r) {
                return true;
            }
        }
        return false;
    }

    /** Removes {@code r} itself; returns whether it was there. */
    boolean removeExact(Registration r) {
        for (int i = 0; i < size; i++) {
            if (at(i) == r) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** Drops registrations whose listener or subject was collected; returns whether any were dropped. */
    boolean purgeDead() {
        return purgeDeadCount() > 0;
    }

    /** Drops every registration (the owner was collected). */
    void clearAll() {
        registrations = null;
        size = 0;
    }

    /**
     * A snapshot of the registrations, unmodifiable. Call under the segment lock. Made as the immutable list that
     * {@link List#copyOf} keeps as it is: a check snapshots every ended owner's registrations (100,000 of them for
     * 100,000 lapsed listeners) into records that copy what they are given.
     */
    public List<Registration> snapshot() {
        switch (size) {
            case 0:
                return List.of();
            case 1:
                return List.of(at(0));
            default:
                return List.of(Arrays.copyOf((Registration[]) registrations, size));
        }
    }

    private int purgeDeadCount() {
        int purged = 0;
        for (int i = size - 1; i >= 0; i--) {
            Registration r = at(i);
            if (r.get() == null || r.subject() == null) {
                removeAt(i);
                purged++;
            }
        }
        return purged;
    }

    private Registration at(int i) {
        return size == 1 ? (Registration) registrations : ((Registration[]) registrations)[i];
    }

    private void removeAt(int i) {
        if (size == 1) {
            registrations = null;
        } else {
            Registration[] array = (Registration[]) registrations;
            System.arraycopy(array, i + 1, array, i, size - i - 1);
            array[size - 1] = null;
            if (size == 2) {
                registrations = array[0];
            }
        }
        size--;
    }

    /** Which registrations a removal undoes, by the add method's id. */
    interface RemoveMatcher {
        boolean undoes(int addApiId);
    }
}
