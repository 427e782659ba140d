package dev.lapse.agent.track;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An owner with live registrations: a weak reference to the owner, its registrations and its end of life.
 * It is its own key in the tracker's map, compared by the owner's identity, never by its {@code equals}.
 * The lock is this record's own monitor, which application code cannot reach.
 */
public final class OwnerRecord extends WeakReference<Object> {
    private final int hash;
    private Registration[] registrations = new Registration[2];
    private int size;
    private boolean retired;
    private volatile EndOfLife end;

    OwnerRecord(Object owner, int identityHash, ReferenceQueue<Object> queue) {
        super(owner, queue);
        this.hash = identityHash;
    }

    /** The owner, or {@code null} once collected. */
    public Object owner() {
        return get();
    }

    /** Why the owner should be dead, or {@code null} while it is alive as far as anyone said. */
    public EndOfLife end() {
        return end;
    }

    void end(EndOfLife e) {
        end = e;
    }

    /** Adds a registration; {@code false} when this record was retired meanwhile (use a fresh one). */
    synchronized boolean add(Registration r, Stats stats) {
        if (retired) {
            return false;
        }
        purgeDeadSubjects(stats);
        if (size == registrations.length) {
            registrations = Arrays.copyOf(registrations, size * 2);
        }
        registrations[size++] = r;
        stats.tracked.incrementAndGet();
        end = null; // an owner that registers again is alive again
        return true;
    }

    /** Removes the first registration undone by this removal; returns it, or {@code null}. */
    synchronized Registration remove(Object subject, Object listener, RemoveMatcher matcher, Stats stats) {
        for (int i = 0; i < size; i++) {
            Registration r = registrations[i];
            if (r.get() == listener && r.subject() == subject && matcher.undoes(r.apiId())) {
                drop(i, stats);
                r.clear(); // a cleared reference is never enqueued
                return r;
            }
        }
        return null;
    }

    /** Drops a registration whose listener was collected. */
    synchronized void collected(Registration r, Stats stats) {
        for (int i = 0; i < size; i++) {
            if (registrations[i] == r) {
                drop(i, stats);
                return;
            }
        }
    }

    /** Retires the record if it has no registrations left; returns whether it did. */
    synchronized boolean retireIfEmpty() {
        if (size == 0) {
            retired = true;
        }
        return retired;
    }

    /** Retires the record for good (its owner was collected) and drops its registrations. */
    synchronized void retire(Stats stats) {
        retired = true;
        stats.tracked.addAndGet(-size);
        Arrays.fill(registrations, 0, size, null);
        size = 0;
    }

    /** A snapshot of the live registrations. */
    public synchronized List<Registration> registrations() {
        List<Registration> copy = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copy.add(registrations[i]);
        }
        return copy;
    }

    private void purgeDeadSubjects(Stats stats) {
        for (int i = size - 1; i >= 0; i--) {
            if (registrations[i].subject() == null) {
                registrations[i].clear();
                drop(i, stats);
            }
        }
    }

    private void drop(int i, Stats stats) {
        System.arraycopy(registrations, i + 1, registrations, i, size - i - 1);
        registrations[--size] = null;
        stats.tracked.decrementAndGet();
    }

    /** Which registrations a removal undoes, by API method id. */
    interface RemoveMatcher {
        boolean undoes(int addApiId);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Equal to another record or a {@link Lookup} for the same, still-reachable owner. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        Object mine = get();
        if (mine == null) {
            return false;
        }
        if (o instanceof OwnerRecord) {
            return ((OwnerRecord) o).get() == mine;
        }
        return o instanceof Lookup && ((Lookup) o).owner == mine;
    }

    /** A short-lived key for finding an owner's record without allocating a weak reference. */
    static final class Lookup {
        final Object owner;
        private final int hash;

        Lookup(Object owner) {
            this.owner = owner;
            this.hash = System.identityHashCode(owner);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || (o instanceof OwnerRecord && ((OwnerRecord) o).get() == owner)
                    || (o instanceof Lookup && ((Lookup) o).owner == owner);
        }
    }
}
