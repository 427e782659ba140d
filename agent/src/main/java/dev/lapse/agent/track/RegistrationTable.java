package dev.lapse.agent.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The registrations of every tracked owner, keyed by owner identity, with the counts that go with them (tracked,
 * removed, dropped at the cap, signals). Every change to an owner's record happens here, under the lock of the
 * record's segment; the signal rules ({@code track.signal}) read records and record ends through these methods and
 * never hold a record outside them.
 */
public final class RegistrationTable {
    private final OwnerTable table = new OwnerTable();
    private final Stats stats;
    private final int maxTracked;

    RegistrationTable(Stats stats, int maxTracked) {
        this.stats = stats;
        this.maxTracked = maxTracked;
    }

    /** Whether one more registration fits under the cap; counts it as dropped when it does not. */
    boolean admit() {
        if (stats.tracked.get() >= maxTracked) {
            stats.dropped.increment();
            return false;
        }
        return true;
    }

    void add(Object owner, Registration r) {
        int purged = table.withRecord(owner, r.scope(), record -> record.add(r));
        stats.tracked.addAndGet(1 - purged);
    }

    /**
     * Removes the registration that a removal of {@code listener} from {@code subject} undoes. Returns it; or, when
     * it left others behind or a partial detachment is under way, a {@link Removal} with that too, read under the
     * same lock (allocated only then, so the common removal allocates nothing more); or {@code null}.
     */
    Object remove(Object owner, Object subject, Object listener, OwnerRecord.RemoveMatcher matcher) {
        Object result = table.ifPresent(owner, record -> {
            Registration r = record.remove(subject, listener, matcher);
            if (r == null || owner == subject) {
                return r;
            }
            int left = record.countLeftBehind(subject, r.apiId(), r.site());
            EndOfLife end = record.end();
            return left > 0 || (end != null && end.signal() == Signal.PARTIAL_DETACHMENT)
                    ? new Removal(r, left, end)
                    : r;
        });
        if (result != null) {
            // not cleared: Reference.clear() is a native call that cost more than the rest of a removal, and an
            // unreachable weak reference needs no clearing
            stats.tracked.decrementAndGet();
            stats.removed.increment();
        }
        return result;
    }

    /** What a removal found under its lock: what it undid, how many registrations it left, the owner's signal. */
    record Removal(Registration undone, int left, EndOfLife end) {}

    /** Forgets {@code r} itself (a closed handle undid it); returns whether it was there. */
    boolean forget(Object owner, Registration r) {
        if (table.ifPresent(owner, record -> record.removeExact(r)) == Boolean.TRUE) {
            stats.tracked.decrementAndGet();
            stats.removed.increment();
            return true;
        }
        return false;
    }

    /** Whether {@code owner} has a record. */
    public boolean has(Object owner) {
        return table.ifPresent(owner, record -> Boolean.TRUE) != null;
    }

    /** The owner's end of life, or {@code null}: none, or no record. */
    public EndOfLife endOf(Object owner) {
        return table.ifPresent(owner, OwnerRecord::end);
    }

    /** Whether {@code r} itself is one of {@code owner}'s registrations. */
    public boolean contains(Object owner, Registration r) {
        return table.ifPresent(owner, record -> record.contains(r) ? Boolean.TRUE : null) != null;
    }

    /** A snapshot of the owner's registrations; {@code null} when it has no record. */
    public List<Registration> registrationsOf(Object owner) {
        return table.ifPresent(owner, OwnerRecord::snapshot);
    }

    /** Whether {@code end} speaks of any of the owner's live registrations. */
    public boolean anyCovered(Object owner, EndOfLife end) {
        return table.ifPresent(owner, record -> record.anyCovered(end) ? Boolean.TRUE : null) != null;
    }

    /**
     * Records an end of life. A failed removal is kept over the lifecycle end that usually follows it (it says more),
     * and a signal about some registrations never replaces one about all of them. Counted when the owner has a
     * record; returns whether it had one.
     */
    public boolean signal(Object owner, EndOfLife end) {
        if (table.ifPresent(owner, record -> {
                    EndOfLife before = record.end();
                    if (before == null
                            || (before.signal() != Signal.INEFFECTIVE_REMOVAL
                                    && (!end.partial() || before.partial()))) {
                        record.end(end);
                    }
                    return Boolean.TRUE;
                })
                != null) {
            stats.signals.increment();
            return true;
        }
        return false;
    }

    /**
     * Replaces the owner's end with {@code end} if it is still {@code expected} (else something else signalled, or
     * the owner registered again, meanwhile). Not counted: the caller knows whether it is a new signal.
     */
    public boolean replaceEnd(Object owner, EndOfLife expected, EndOfLife end) {
        return table.ifPresent(owner, record -> {
                    if (record.end() == expected) {
                        record.end(end);
                        return Boolean.TRUE;
                    }
                    return null;
                })
                != null;
    }

    /** Clears the owner's end if it is still {@code end} and speaks of none of its live registrations. */
    public void clearIfCoversNothing(Object owner, EndOfLife end) {
        table.ifPresent(owner, record -> {
            if (record.end() == end && !record.anyCovered(end)) {
                record.end(null);
            }
            return null;
        });
    }

    /**
     * Ends every owner whose record {@code which} accepts (under its segment's lock); counts and returns how many.
     */
    public int signalEach(Predicate<OwnerRecord> which, EndOfLife end) {
        int[] signalled = new int[1];
        table.forEach(record -> {
            if (which.test(record)) {
                record.end(end);
                signalled[0]++;
            }
            return record.size() > 0;
        });
        stats.signals.add(signalled[0]);
        return signalled[0];
    }

    /** Counts signals the caller recorded itself (with {@link #replaceEnd}). */
    public void countSignals(int n) {
        stats.signals.add(n);
    }

    /**
     * Shows every record to {@code visitor}, under its segment's lock: for check-time scans, which must copy what they
     * keep ({@link OwnerRecord#snapshot()}). Records left empty are unlinked.
     */
    public void forEach(Consumer<OwnerRecord> visitor) {
        table.forEach(record -> {
            visitor.accept(record);
            return record.size() > 0;
        });
    }

    /** The subjects of the live registrations that {@code which} accepts, by identity. */
    Set<Object> subjectsOf(Predicate<Registration> which) {
        Set<Object> subjects = Collections.newSetFromMap(new IdentityHashMap<>());
        forEach(record -> {
            for (Registration r : record.snapshot()) {
                Object subject = r.subject();
                if (subject != null && which.test(r)) {
                    subjects.add(subject);
                }
            }
        });
        return subjects;
    }

    /** Owners with an end-of-life signal and registrations left, each with a snapshot of its registrations. */
    List<EndedOwner> ended() {
        List<EndedOwner> ended = new ArrayList<>();
        int[] purged = new int[1];
        table.forEach(record -> {
            int before = record.size();
            if (record.get() != null) {
                record.purgeDead();
            } else {
                collected(record);
                record.clearAll(); // collected but not yet queued: it holds nothing
            }
            purged[0] += before - record.size();
            if (record.end() != null && record.size() > 0) {
                ended.add(new EndedOwner(record, record.snapshot()));
            }
            return record.size() > 0;
        });
        stats.tracked.addAndGet(-purged[0]);
        return ended;
    }

    /** Forgets owners that were collected. */
    void expunge() {
        int gone = table.expunge(this::collected);
        if (gone > 0) {
            stats.tracked.addAndGet(-gone);
        }
    }

    /**
     * An owner was collected: one whose life had ended and that was still registered shows that its registrations
     * kept it alive nowhere. Counted once, where its record leaves the table. Call under the record's segment lock.
     */
    private void collected(OwnerRecord record) {
        EndOfLife end = record.end();
        if (end != null && !end.partial() && record.size() > 0) {
            stats.endedCollected.increment();
        }
    }

    /**
     * Live registrations that {@code which} accepts whose owner has no end of life that covers them: what a check
     * cannot judge, since nothing said their owners should be dead.
     */
    int unjudged(Predicate<Registration> which) {
        int[] n = new int[1];
        table.forEach(record -> {
            if (record.get() != null) {
                n[0] += record.unjudged(which);
            }
            return true;
        });
        return n[0];
    }

    /** Owners tracked right now. */
    int owners() {
        return table.size();
    }
}
