package dev.lapse.agent.runtime;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.confirm.CheckResult;
import dev.lapse.agent.confirm.Checker;
import dev.lapse.agent.report.IsoTime;
import dev.lapse.agent.track.Stats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's notes: what the JVM's run left Lapse unable to see or judge (an attach, a collection it could not
 * force, a walk budget spent, a failed self-test, the cap, failures it swallowed, findings suppressed), each with the
 * option or the place in the log that explains it.
 */
final class ReportNotes {
    private ReportNotes() {}

    /**
     * @param attachedAt      when the agent was attached, or {@code null} when it was loaded at launch
     * @param transformErrors classes that could not be instrumented
     */
    static List<String> of(
            CheckResult check,
            AgentOptions options,
            Stats stats,
            Instant attachedAt,
            boolean selfTestPassed,
            long transformErrors) {
        List<String> notes = new ArrayList<>();
        if (attachedAt != null) {
            notes.add("Lapse was attached at " + IsoTime.of(attachedAt)
                    + "; registrations made before then are unknown.");
        }
        if (check.explicitGcDisabled() && check.awaitingGc() > 0) {
            notes.add("-XX:+DisableExplicitGC is set, so Lapse could not force a full collection: "
                    + check.awaitingGc() + " registration(s) of ended owners await a full collection the JVM runs"
                    + " by itself.");
        } else if (check.awaitingGc() > 0) {
            notes.add(check.awaitingGc() + " registration(s) of ended owners await a full collection"
                    + (options.gc() ? "" : " (gc=false: Lapse does not force one)") + ".");
        }
        if (check.stillEnding() > 0) {
            notes.add(check.stillEnding() + " registration(s) were not judged at this check: the teardown that ended"
                    + " their owners, or removed them, was still running (thread "
                    + String.join(", ", check.endingThreads())
                    + ").");
        }
        if (check.undecided() > 0) {
            notes.add(check.undecided() + " registration(s) could not be confirmed within the walk budget"
                    + " (walkLimit=" + options.walkLimit() + ", walkTimeout="
                    + options.walkTimeout().toMillis()
                    + "ms).");
        }
        if (check.sizesExtrapolated() > 0) {
            notes.add("The retained sizes of " + check.sizesExtrapolated() + " finding(s) of more than "
                    + Checker.RETAINED_SAMPLE + " registrations of one shape (API, classes, site) were walked for "
                    + Checker.RETAINED_SAMPLE + " of their owners and extrapolated to the others.");
        }
        if (!selfTestPassed) {
            notes.add("Self-test failed: a registration on java.beans.PropertyChangeSupport did not reach Lapse"
                    + " (another agent may have transformed it first); findings on JDK APIs may be missing.");
        }
        if (stats.dropped() > 0) {
            notes.add(stats.dropped() + " registration(s) were not tracked: the maxTracked cap (" + options.maxTracked()
                    + ") was reached.");
        }
        if (stats.hookErrors() > 0) {
            notes.add(stats.hookErrors() + " hook failure(s) were swallowed; the first is in the log.");
        }
        if (transformErrors > 0) {
            notes.add(transformErrors + " class(es) could not be instrumented, so registrations through them are not"
                    + " seen; the first failure is in the log.");
        }
        for (Map.Entry<String, Integer> e : check.suppressed().entrySet()) {
            notes.add(e.getValue() + " finding(s) suppressed as known: " + e.getKey() + ".");
        }
        return notes;
    }
}
