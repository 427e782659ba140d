package dev.lapse.agent.track;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Owner records by owner identity: a hash table split into independently locked segments, each a chained
 * table whose nodes are the {@link OwnerRecord}s themselves. Compared with a {@code ConcurrentHashMap} this
 * saves a map node and a lookup key per owner, and one lock (the segment's) guards both the chain and the
 * records in it. The locks are the segments' own monitors, which application code cannot reach.
 *
 * <p>Records are weak references to their owners, registered with a queue: {@link #expunge} unlinks the
 * records of collected owners.
 */
final class OwnerTable {
    private static final int SEGMENTS = 64; // a power of two; spreads 8+ registering threads over separate locks
    private static final int INITIAL_BUCKETS = 16;

    private final Segment[] segments = new Segment[SEGMENTS];
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

    OwnerTable() {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment();
        }
    }

    /** What to do with an owner's record under its segment's lock. */
    interface Action<T> {
        T apply(OwnerRecord record);
    }

    /**
     * Runs {@code action} on the owner's record, creating the record when absent; {@code scope} is the scope (a test)
     * of the registration that creates it, or {@code null}.
     */
    <T> T withRecord(Object owner, String scope, Action<T> action) {
        int hash = System.identityHashCode(owner);
        Segment s = segmentFor(hash);
        synchronized (s) {
            OwnerRecord r = s.find(owner, hash);
            if (r == null) {
                r = scope == null
                        ? new OwnerRecord(owner, hash, queue)
                        : new OwnerRecord.Scoped(owner, hash, queue, scope);
                s.insert(r);
            }
            return action.apply(r);
        }
    }

    /**
     * Runs {@code action} on the owner's existing record; returns {@code null} without running anything when the
     * owner has none. A record left empty stays linked: an owner that removes and adds again (a view re-bound
     * to another model) reuses it instead of allocating a new weak reference. Empty records are swept when
     * their segment grows and at every check.
     */
    <T> T ifPresent(Object owner, Action<T> action) {
        int hash = System.identityHashCode(owner);
        Segment s = segmentFor(hash);
        synchronized (s) {
            OwnerRecord r = s.find(owner, hash);
            return r == null ? null : action.apply(r);
        }
    }

    /** Calls {@code visitor} for each record under its segment's lock, unlinking those it returns false for. */
    void forEach(Predicate<OwnerRecord> visitor) {
        for (Segment s : segments) {
            synchronized (s) {
                List<OwnerRecord> unlink = new ArrayList<>();
                s.forEach(r -> {
                    if (!visitor.test(r)) {
                        unlink.add(r);
                    }
                });
                unlink.forEach(s::unlink);
            }
        }
    }

    /** Unlinks the records of collected owners; returns how many registrations went with them. */
    int expunge() {
        return expunge(r -> {});
    }

    /**
     * Unlinks the records of collected owners, showing each to {@code collected} under its segment's lock first;
     * returns how many registrations went with them.
     */
    int expunge(Consumer<OwnerRecord> collected) {
        int registrations = 0;
        Reference<?> ref;
        while ((ref = queue.poll()) != null) {
            OwnerRecord r = (OwnerRecord) ref;
            Segment s = segmentFor(r.hash());
            synchronized (s) {
                if (s.unlink(r)) {
                    collected.accept(r);
                    registrations += r.size();
                }
            }
        }
        return registrations;
    }

    /** Owners with registrations (a scan: for diagnostics and tests, not for the hot path). */
    int size() {
        int[] n = new int[1];
        for (Segment s : segments) {
            synchronized (s) {
                s.forEach(r -> {
                    if (!r.isEmpty()) {
                        n[0]++;
                    }
                });
            }
        }
        return n[0];
    }

    private Segment segmentFor(int hash) {
        int h = hash ^ (hash >>> 16);
        return segments[h & (SEGMENTS - 1)];
    }

    /** One chained table; every field is guarded by the segment's monitor. */
    private static final class Segment {
        private OwnerRecord[] buckets = new OwnerRecord[INITIAL_BUCKETS];
        private int count;

        OwnerRecord find(Object owner, int hash) {
            for (OwnerRecord r = buckets[index(hash, buckets.length)]; r != null; r = r.next) {
                if (r.hash() == hash && r.get() == owner) {
                    return r;
                }
            }
            return null;
        }

        void insert(OwnerRecord r) {
            if (count >= buckets.length - (buckets.length >> 2)) {
                sweepEmpty();
                if (count >= buckets.length - (buckets.length >> 1)) {
                    resize();
                }
            }
            int i = index(r.hash(), buckets.length);
            r.next = buckets[i];
            buckets[i] = r;
            count++;
        }

        boolean unlink(OwnerRecord target) {
            int i = index(target.hash(), buckets.length);
            OwnerRecord prev = null;
            for (OwnerRecord r = buckets[i]; r != null; prev = r, r = r.next) {
                if (r == target) {
                    if (prev == null) {
                        buckets[i] = r.next;
                    } else {
                        prev.next = r.next;
                    }
                    r.next = null;
                    count--;
                    return true;
                }
            }
            return false;
        }

        void forEach(Consumer<OwnerRecord> visitor) {
            for (OwnerRecord head : buckets) {
                for (OwnerRecord r = head; r != null; r = r.next) {
                    visitor.accept(r);
                }
            }
        }

        /**
         * Unlinks records that hold no registration before growing. Records of collected owners are left to
         * {@link OwnerTable#expunge}, which counts the registrations that go with them.
         */
        private void sweepEmpty() {
            for (int i = 0; i < buckets.length; i++) {
                OwnerRecord prev = null;
                for (OwnerRecord r = buckets[i]; r != null; r = r.next) {
                    if (r.isEmpty()) {
                        if (prev == null) {
                            buckets[i] = r.next;
                        } else {
                            prev.next = r.next;
                        }
                        count--;
                    } else {
                        prev = r;
                    }
                }
            }
        }

        private void resize() {
            OwnerRecord[] old = buckets;
            buckets = new OwnerRecord[old.length * 2];
            for (OwnerRecord head : old) {
                OwnerRecord r = head;
                while (r != null) {
                    OwnerRecord next = r.next;
                    int i = index(r.hash(), buckets.length);
                    r.next = buckets[i];
                    buckets[i] = r;
                    r = next;
                }
            }
        }

        private static int index(int hash, int length) {
            return (hash ^ (hash >>> 7)) & (length - 1);
        }
    }
}
