package dev.lapse.agent.track;

import java.lang.ref.WeakReference;

/**
 * One weak reference per subject, shared by all of its registrations. Subjects are few and long-lived (a model, a
 * bus, a context) and each has many registrations: a reference of its own in each registration was 32 bytes of the
 * ~150 a tracked registration cost, and as many references for the collector to process.
 *
 * <p>An open-addressed table by identity hash, read without a lock: a look-up that finds the subject's reference
 * returns it; any other outcome (not there yet, or a reference another thread is publishing) takes the lock and
 * looks again. A slot, once used, is never emptied, so no run of probes is cut short; the reference of a collected
 * subject is cleared by the collector, and its slot is reused by the next subject whose probe passes it, or dropped
 * when the table is rebuilt. The table grows at half full, so a probe is short. Nothing here keeps a subject alive.
 */
final class SubjectRefs {
    private static final int INITIAL = 1024; // a power of two

    private volatile WeakReference<Object>[] slots = newTable(INITIAL);
    /** Slots not null, under the lock. */
    private int used;

    /** The shared weak reference to {@code subject}. */
    WeakReference<Object> of(Object subject) {
        int hash = mix(System.identityHashCode(subject));
        WeakReference<Object> r = find(subject, hash);
        return r != null ? r : insert(subject, hash);
    }

    /**
     * The shared weak reference to {@code subject} when it has one already, else a reference of its own that the table
     * does not keep: for a subject that may live no longer than one call (an operator a chain subscribed through),
     * which would only take a slot and the lock.
     */
    WeakReference<Object> ifShared(Object subject) {
        WeakReference<Object> r = find(subject, mix(System.identityHashCode(subject)));
        return r != null ? r : new WeakReference<>(subject);
    }

    /** The subject's reference in the table, read without the lock, or {@code null} when not seen there. */
    private WeakReference<Object> find(Object subject, int hash) {
        WeakReference<Object>[] table = slots;
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            WeakReference<Object> r = table[i];
            if (r == null) {
                return null;
            }
            if (r.refersTo(subject)) {
                return r;
            }
        }
    }

    private synchronized WeakReference<Object> insert(Object subject, int hash) {
        WeakReference<Object>[] table = slots;
        int mask = table.length - 1;
        int reusable = -1;
        int i = hash & mask;
        for (; table[i] != null; i = (i + 1) & mask) {
            WeakReference<Object> r = table[i];
            if (r.refersTo(subject)) {
                return r;
            }
            if (reusable < 0 && r.refersTo(null)) {
                reusable = i; // a collected subject's: reused, so the run stays unbroken
            }
        }
        WeakReference<Object> created = new WeakReference<>(subject);
        if (reusable >= 0) {
            table[reusable] = created;
            return created;
        }
        table[i] = created;
        if (++used > table.length / 2) {
            rebuild(table);
        }
        return created;
    }

    /** A table twice as large as the live references need, without the cleared ones. */
    private void rebuild(WeakReference<Object>[] old) {
        int live = 0;
        for (WeakReference<Object> r : old) {
            if (r != null && !r.refersTo(null)) {
                live++;
            }
        }
        int size = INITIAL;
        while (size < live * 4) {
            size <<= 1;
        }
        WeakReference<Object>[] table = newTable(size);
        int mask = size - 1;
        for (WeakReference<Object> r : old) {
            Object subject = r == null ? null : r.get();
            if (subject != null) {
                int i = mix(System.identityHashCode(subject)) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = r;
            }
        }
        used = live;
        slots = table; // the volatile write publishes the filled table
    }

    @SuppressWarnings("unchecked")
    private static WeakReference<Object>[] newTable(int size) {
        return (WeakReference<Object>[]) new WeakReference<?>[size];
    }

    /** Spreads identity hashes, whose low bits are not uniform on every JVM. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
