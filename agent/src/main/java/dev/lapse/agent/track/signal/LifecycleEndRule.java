package dev.lapse.agent.track.signal;

import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.track.CandidateEnds;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.SiteCapture;

/**
 * Lifecycle end (DESIGN.md section 3): a method on the owner that ends its life ({@code close}, {@code dispose},
 * {@code @PreDestroy}, ...) returned normally. The owner is then expected dead, with all its registrations; it is
 * alive again if it registers again (its record forgets the end). The owners of weak wrappers' delegates end too, so
 * that a callback lost after its owner's end is no loss, and so do the listeners that captured it as another candidate
 * owner ({@link CandidateEnds}).
 */
public final class LifecycleEndRule {
    private final RegistrationTable table;
    private final LostListenerRule weakWatch;
    private final SiteCapture sites;
    private final SignalClock clock;
    private final CandidateEnds candidates;

    public LifecycleEndRule(
            RegistrationTable table,
            LostListenerRule weakWatch,
            CandidateEnds candidates,
            SiteCapture sites,
            SignalClock clock) {
        this.table = table;
        this.weakWatch = weakWatch;
        this.candidates = candidates;
        this.sites = sites;
        this.clock = clock;
    }

    /** {@code method} (or an unknown one, {@code null}) returned on {@code owner}. */
    public void ended(ApiMethod method, Object owner) {
        boolean candidate = candidates.isCandidate(owner);
        if (!candidate && !table.has(owner) && !weakWatch.watches(owner)) {
            return; // the common case: not an owner, or one that cleaned up after itself
        }
        EndOfLife end = clock.end(Signal.LIFECYCLE_END, method == null ? null : method.display(), null, sites.here());
        if (candidate) {
            candidates.ended(owner, end);
        }
        weakWatch.ownerEnded(owner, end);
        table.signal(owner, end);
    }
}
