package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.CandidateEnds;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.SiteCapture;

/**
 * Explicit (DESIGN.md section 3): application code called {@code Lapse.expectCollected(owner, reason)}. Like a
 * lifecycle end, it speaks of the owner's whole life, of the weak wrappers of its delegates, and of the listeners that
 * captured it as another candidate owner ({@link CandidateEnds}).
 */
public final class ExplicitRule {
    private final RegistrationTable table;
    private final LostListenerRule weakWatch;
    private final SiteCapture sites;
    private final SignalClock clock;
    private final CandidateEnds candidates;

    public ExplicitRule(
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

    /** {@code owner} should be collected from now on, for {@code reason} (the user's words, or {@code null}). */
    public void expectCollected(Object owner, String reason) {
        EndOfLife end = clock.end(Signal.EXPLICIT, null, reason, sites.here());
        if (candidates.isCandidate(owner)) {
            candidates.ended(owner, end);
        }
        weakWatch.ownerEnded(owner, end);
        table.signal(owner, end);
    }
}
