package dev.lapse.agent.track;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded multimap from a key to values, both held weakly and compared by identity (never {@code equals} or
 * {@code hashCode} of the application's objects). Entries whose key or value was collected are purged from their
 * bucket when it is written; past {@code capacity} live entries, new ones are not kept. Thread-safe under
 * one lock: it is written at registration only for listeners with several candidate owners, and read at lifecycle
 * ends.
 */
final class WeakPairs {
    private static final int BUCKETS = 256;

    private final Entry[] buckets = new Entry[BUCKETS];
    private final int capacity;
    private volatile int size; // read without the lock by any()

    WeakPairs(int capacity) {
        this.capacity = capacity;
    }

    private static final class Entry {
        final WeakReference<Object> key;
        final WeakReference<Object> value;
        Entry next;

        Entry(Object key, Object value, Entry next) {
            this.key = new WeakReference<>(key);
            this.value = new WeakReference<>(value);
            this.next = next;
        }
    }

    private static int bucket(Object key) {
        return System.identityHashCode(key) & (BUCKETS - 1);
    }

    /** Adds {@code key -> value} unless it is there; returns whether it is there now. */
    synchronized boolean put(Object key, Object value) {
        int b = bucket(key);
        purge(b, null);
        for (Entry e = buckets[b]; e != null; e = e.next) {
            if (e.key.get() == key && e.value.get() == value) {
                return true;
            }
        }
        if (size >= capacity) {
            return false; // the listener keeps the owner chosen at registration
        }
        buckets[b] = new Entry(key, value, buckets[b]);
        size++;
        return true;
    }

    /** Replaces every value of {@code key} with {@code value}. */
    synchronized void replace(Object key, Object value) {
        remove(key);
        put(key, value);
    }

    /** The live values of {@code key}; empty when none. */
    synchronized List<Object> get(Object key) {
        List<Object> values = null;
        for (Entry e = buckets[bucket(key)]; e != null; e = e.next) {
            Object v = e.value.get();
            if (e.key.get() == key && v != null) {
                if (values == null) {
                    values = new ArrayList<>(2);
                }
                values.add(v);
            }
        }
        return values == null ? List.of() : values;
    }

    /** A live value of {@code key} (the only one after {@link #replace}), or {@code null}. */
    synchronized Object first(Object key) {
        for (Entry e = buckets[bucket(key)]; e != null; e = e.next) {
            Object v = e.value.get();
            if (e.key.get() == key && v != null) {
                return v;
            }
        }
        return null;
    }

    /** Whether any entry is there, live or not yet purged: the cheap test before a look-up. */
    boolean any() {
        return size > 0;
    }

    private void remove(Object key) {
        purge(bucket(key), key);
    }

    /** Unlinks the bucket's entries that were collected, and those of {@code key} when it is not {@code null}. */
    private void purge(int b, Object key) {
        Entry previous = null;
        for (Entry e = buckets[b]; e != null; e = e.next) {
            Object k = e.key.get();
            if (k == null || e.value.get() == null || (key != null && k == key)) {
                if (previous == null) {
                    buckets[b] = e.next;
                } else {
                    previous.next = e.next;
                }
                size--;
            } else {
                previous = e;
            }
        }
    }
}
