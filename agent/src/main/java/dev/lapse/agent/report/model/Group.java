package dev.lapse.agent.report.model;

import dev.lapse.agent.track.Signal;
import java.time.Instant;
import java.util.List;

/**
 * Findings with one signature (DESIGN.md section 5), told by the first of them: what holds what, registered where,
 * why the owner should be dead, and the fix.
 *
 * @param signature stable across runs and machines: API, subject, listener and owner classes, the site's top frame
 * @param count registrations the group stands for
 * @param firstSeen the earliest registration of the group
 * @param lastSeen the latest registration of the group
 * @param summary the group in one sentence
 * @param retainedBytes estimated bytes the group's owners keep alive (a bounded walk)
 * @param chain from the subject to the owner (or, for a lost listener, to the collected delegate), field by field
 * @param chainTraced whether the chain was traced all the way (a static registry may hide its first hop)
 * @param reports how many of the reports merged have the group; 1 in one JVM's report, which does not write it
 */
public record Group(
        String signature,
        long count,
        Instant firstSeen,
        Instant lastSeen,
        String summary,
        long retainedBytes,
        Subject subject,
        Listener listener,
        Owner owner,
        Registration registration,
        EndOfLife endOfLife,
        List<ChainStep> chain,
        boolean chainTraced,
        Fix fix,
        long reports) {
    public Group {
        chain = List.copyOf(chain);
    }

    /** This group as told by {@code reports} reports of a merge. */
    public Group withReports(long reports) {
        return new Group(
                signature,
                count,
                firstSeen,
                lastSeen,
                summary,
                retainedBytes,
                subject,
                listener,
                owner,
                registration,
                endOfLife,
                chain,
                chainTraced,
                fix,
                reports);
    }

    /** This group with another fix. */
    public Group withFix(Fix fix) {
        return new Group(
                signature,
                count,
                firstSeen,
                lastSeen,
                summary,
                retainedBytes,
                subject,
                listener,
                owner,
                registration,
                endOfLife,
                chain,
                chainTraced,
                fix,
                reports);
    }

    /** The group's signal: its end of life's. */
    public Signal signal() {
        return endOfLife.signal();
    }
}
