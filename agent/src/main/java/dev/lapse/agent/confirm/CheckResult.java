package dev.lapse.agent.confirm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What one check found and what it could not decide. Immutable. */
public final class CheckResult {
    public final List<Finding> findings;
    /** Whether the check asked for a full collection. */
    public final boolean gcForced;
    /** Whether a full collection happened during the check. */
    public final boolean gcHappened;

    public final boolean explicitGcDisabled;
    /** Ended owners with registrations left, before confirmation. */
    public final int candidates;
    /** Registrations of ended owners not confirmed because no full collection happened since the signal. */
    public final int awaitingGc;
    /** Registrations of ended owners that the subject no longer holds (nothing leaks through them). */
    public final int notHeld;
    /** Registrations the walk could not decide within its budget. */
    public final int undecided;
    /** Live registrations the check could not judge: no end of life covers them, so nothing said their owners should be dead. */
    public final int unjudged;
    /** Objects the reference walk visited. */
    public final int visited;

    public final long durationMillis;
    /** Findings left out by a known-registration rule: how many per rule ({@code reason (origin)}). */
    public final Map<String, Integer> suppressed;
    /** What the check decided that the tracker must record; the runtime applies it. */
    public final Decisions decisions;

    CheckResult(
            List<Finding> findings,
            boolean gcForced,
            boolean gcHappened,
            boolean explicitGcDisabled,
            int candidates,
            int awaitingGc,
            int notHeld,
            int undecided,
            int unjudged,
            int visited,
            long durationMillis,
            Map<String, Integer> suppressed,
            Decisions decisions) {
        this.findings = List.copyOf(findings);
        this.gcForced = gcForced;
        this.gcHappened = gcHappened;
        this.explicitGcDisabled = explicitGcDisabled;
        this.candidates = candidates;
        this.awaitingGc = awaitingGc;
        this.notHeld = notHeld;
        this.undecided = undecided;
        this.unjudged = unjudged;
        this.visited = visited;
        this.durationMillis = durationMillis;
        this.suppressed = Collections.unmodifiableMap(new LinkedHashMap<>(suppressed));
        this.decisions = decisions;
    }

    /** How many findings known-registration rules left out. */
    public int suppressedCount() {
        int n = 0;
        for (int c : suppressed.values()) {
            n += c;
        }
        return n;
    }

    /** The same result with only the findings {@code keep} accepts. */
    public CheckResult only(Predicate<Finding> keep) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (keep.test(f)) {
                kept.add(f);
            }
        }
        return new CheckResult(
                kept,
                gcForced,
                gcHappened,
                explicitGcDisabled,
                candidates,
                awaitingGc,
                notHeld,
                undecided,
                unjudged,
                visited,
                durationMillis,
                suppressed,
                decisions);
    }
}
