package dev.lapse.agent.track;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tracks every registration through weak references, keyed by owner (DESIGN.md section 2, "Track"), and
 * records end-of-life signals. Memory is bounded by {@code maxTracked}: past it registrations are dropped and
 * counted. Objects of the application are compared by identity only; their {@code equals}, {@code hashCode}
 * and {@code toString} are never called.
 */
public final class Tracker {
    private final ApiCatalog catalog;
    private final OwnerResolver owners;
    private final SiteCapture sites;
    private final Stats stats;
    private final int maxTracked;
    private final LongSupplier clock;
    private final LongSupplier majorGcCount;

    private final ConcurrentHashMap<Object, OwnerRecord> records = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

    /**
     * @param clock        wall-clock milliseconds (injected so tests need no sleeps)
     * @param majorGcCount count of full collections so far, read at each signal
     */
    public Tracker(ApiCatalog catalog, OwnerResolver owners, SiteCapture sites, Stats stats, int maxTracked,
            LongSupplier clock, LongSupplier majorGcCount) {
        this.catalog = catalog;
        this.owners = owners;
        this.sites = sites;
        this.stats = stats;
        this.maxTracked = maxTracked;
        this.clock = clock;
        this.majorGcCount = majorGcCount;
    }

    /** An add method returned: track the registration. */
    public void added(int apiId, Object subject, Object listener) {
        stats.seen.increment();
        drain();
        Object owner = owners.ownerOf(listener);
        if (owner == subject) {
            return; // a subject listening to itself holds nothing but itself
        }
        if (stats.tracked.get() >= maxTracked) {
            stats.dropped.increment();
            return;
        }
        Site site = sites.registration(apiId, listener.getClass());
        long now = clock.getAsLong();
        String thread = Thread.currentThread().getName();
        while (true) {
            OwnerRecord record = recordFor(owner);
            if (record.add(new Registration(listener, subject, record, apiId, site, now, thread, queue), stats)) {
                return;
            }
            records.remove(record, record); // retired meanwhile by a removal on another thread
        }
    }

    /** A remove method returned: forget the registration it undid, if it undid one. */
    public void removed(int apiId, Object subject, Object listener) {
        ApiMethod remove = catalog.get(apiId);
        if (remove == null) {
            return;
        }
        OwnerRecord record = records.get(new OwnerRecord.Lookup(owners.ownerOf(listener)));
        if (record == null) {
            return;
        }
        if (record.remove(subject, listener, addId -> {
            ApiMethod add = catalog.get(addId);
            return add != null && add.undoneBy(remove);
        }, stats) != null) {
            stats.removed.increment();
            if (record.retireIfEmpty()) {
                records.remove(record, record);
            }
        }
    }

    /** A lifecycle-ending method returned on {@code owner}. */
    public void ended(int methodId, Object owner) {
        OwnerRecord record = records.get(new OwnerRecord.Lookup(owner));
        if (record == null) {
            return; // the common case: not an owner, or one that cleaned up after itself
        }
        ApiMethod m = catalog.get(methodId);
        signal(record, new EndOfLife(EndOfLife.LIFECYCLE_END, m == null ? null : m.display(), null, sites.here(),
                clock.getAsLong(), majorGcCount.getAsLong()));
    }

    /** Application code declared that {@code owner} should be collected from now on. */
    public void expectCollected(Object owner, String reason) {
        OwnerRecord record = records.get(new OwnerRecord.Lookup(owner));
        if (record != null) {
            signal(record, new EndOfLife(EndOfLife.EXPLICIT, null, reason, sites.here(), clock.getAsLong(),
                    majorGcCount.getAsLong()));
        }
    }

    /** Owners with an end-of-life signal and registrations left: the candidates for findings. */
    public List<OwnerRecord> ended() {
        drain();
        List<OwnerRecord> ended = new ArrayList<>();
        for (OwnerRecord r : records.values()) {
            if (r.end() != null && r.owner() != null) {
                ended.add(r);
            }
        }
        return ended;
    }

    /** Forgets owners and registrations whose objects were collected. */
    public void drain() {
        Reference<?> ref;
        while ((ref = queue.poll()) != null) {
            if (ref instanceof OwnerRecord) {
                OwnerRecord record = (OwnerRecord) ref;
                record.retire(stats);
                records.remove(record, record);
            } else if (ref instanceof Registration) {
                Registration r = (Registration) ref;
                r.record.collected(r, stats);
                if (r.record.retireIfEmpty()) {
                    records.remove(r.record, r.record);
                }
            }
        }
    }

    public Stats stats() {
        return stats;
    }

    /** Owners tracked right now. */
    public int owners() {
        return records.size();
    }

    private void signal(OwnerRecord record, EndOfLife end) {
        record.end(end);
        stats.signals.increment();
    }

    private OwnerRecord recordFor(Object owner) {
        OwnerRecord.Lookup lookup = new OwnerRecord.Lookup(owner);
        OwnerRecord record = records.get(lookup);
        if (record != null) {
            return record;
        }
        OwnerRecord fresh = new OwnerRecord(owner, lookup.hashCode(), queue);
        OwnerRecord raced = records.putIfAbsent(fresh, fresh);
        return raced != null ? raced : fresh;
    }
}
