package dev.lapse.agent.track;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of what the agent saw and did; all monotonic except {@link #tracked()}. */
public final class Stats {
    final LongAdder seen = new LongAdder();
    final AtomicLong tracked = new AtomicLong();
    final LongAdder dropped = new LongAdder();
    final LongAdder removed = new LongAdder();
    final LongAdder signals = new LongAdder();
    final LongAdder endedCollected = new LongAdder();
    /** Exact, unlike the adders: the first failure, and only it, is logged. */
    private final AtomicLong hookErrors = new AtomicLong();

    /** Registrations the hooks reported. */
    public long seen() {
        return seen.sum();
    }

    /** Registrations tracked right now. */
    public long tracked() {
        return tracked.get();
    }

    /** Owners collected after their life ended while still registered: their registrations kept nothing alive. */
    public long endedCollected() {
        return endedCollected.sum();
    }

    /** Registrations not tracked because the cap was reached. */
    public long dropped() {
        return dropped.sum();
    }

    /** Registrations undone by a matching remove call. */
    public long removed() {
        return removed.sum();
    }

    /** End-of-life signals on tracked owners. */
    public long signals() {
        return signals.sum();
    }

    /** Failures inside the agent's hooks, swallowed so the application never sees them. */
    public long hookErrors() {
        return hookErrors.get();
    }

    /** Counts one failure inside a hook; returns whether it was the first, for exactly one of any number of threads. */
    public boolean hookFailed() {
        return hookErrors.incrementAndGet() == 1;
    }
}
