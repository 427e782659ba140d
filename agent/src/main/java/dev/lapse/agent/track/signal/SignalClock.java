package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Site;
import java.util.function.LongSupplier;

/**
 * The two clocks every signal is stamped with: wall-clock milliseconds (injected, so tests need no sleeps) and the
 * count of full collections so far (confirmation needs one after the signal).
 */
public final class SignalClock {
    private final LongSupplier millis;
    private final LongSupplier majorGcCount;

    /**
     * @param millis       wall-clock milliseconds
     * @param majorGcCount count of full collections so far, read at each signal
     */
    public SignalClock(LongSupplier millis, LongSupplier majorGcCount) {
        this.millis = millis;
        this.majorGcCount = majorGcCount;
    }

    public long now() {
        return millis.getAsLong();
    }

    public long fullGcs() {
        return majorGcCount.getAsLong();
    }

    /** An end of life of the owner's whole life, stamped now. */
    EndOfLife end(Signal signal, String method, String reason, Site site) {
        return new EndOfLife(signal, method, reason, site, now(), fullGcs());
    }
}
