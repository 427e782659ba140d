package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Gc;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import dev.lapse.agent.report.model.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the reports of several JVMs (forked test JVMs, several services) into one report: groups with the same
 * signature become one, their counts and retained sizes added, their first and last registration times widened, and
 * the number of reports they came from kept in {@code reports}. Counters are added; notes are kept once each; the
 * merge's origin lists the reports merged.
 */
public final class ReportMerger {
    /** An option's value where the reports merged disagree. */
    static final String DIFFERS = "(differs)";

    private final String version;
    private final long nowMillis;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private ReportStats stats = new ReportStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    private boolean gcForced = true;
    private boolean gcHappened = true;
    private boolean explicitGcDisabled;

    /** @param version the merging Lapse's version, for the merged report's {@code lapse} */
    public ReportMerger(String version, long nowMillis) {
        this.version = version;
        this.nowMillis = nowMillis;
    }

    /**
     * Adds one report.
     *
     * @param name where it came from, for the merge's sources (a file name)
     */
    public void add(String name, Report report) {
        for (Group g : report.groups()) {
            groups.merge(g.signature(), g.withReports(1), ReportMerger::merged);
        }
        stats = added(stats, report.stats());
        notes.addAll(report.notes());
        for (Map.Entry<String, String> e : report.options().entrySet()) {
            if (!options.containsKey(e.getKey())) {
                // an option the reports before did not have is one they differ in
                options.put(e.getKey(), sources.isEmpty() ? e.getValue() : DIFFERS);
            } else if (!Objects.equals(options.get(e.getKey()), e.getValue())) {
                options.put(e.getKey(), DIFFERS);
            }
        }
        gcForced &= report.gc().forced();
        gcHappened &= report.gc().fullGcHappened();
        explicitGcDisabled |= report.gc().explicitGcDisabled();
        Jvm jvm = report.origin() instanceof Jvm j ? j : null;
        sources.add(new Source(
                name,
                jvm == null ? null : jvm.pid(),
                jvm == null ? null : jvm.main(),
                jvm == null ? null : jvm.version(),
                report.generated() == null ? null : report.generated().toString(),
                report.stats().findings()));
    }

    /** Adds a note to the merged report, kept once like the notes of the reports merged. */
    public void note(String text) {
        notes.add(text);
    }

    /** The merged report: biggest retained size first, then the largest count, as in one JVM's report. */
    public Report merged() {
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparingLong(Group::retainedBytes)
                .reversed()
                .thenComparing(Comparator.comparingLong(Group::count).reversed())
                .thenComparing(Group::signature));
        return new Report(
                version,
                Instant.ofEpochMilli(nowMillis),
                new Merge(sources),
                new Gc(gcForced, gcHappened, explicitGcDisabled),
                options,
                sorted,
                new ArrayList<>(notes),
                new ReportStats(
                        stats.registrationsSeen(),
                        stats.tracked(),
                        stats.dropped(),
                        stats.removed(),
                        stats.endOfLifeSignals(),
                        stats.endedCollected(),
                        stats.candidates(),
                        stats.awaitingFullGc(),
                        stats.notHeld(),
                        stats.undecided(),
                        stats.unjudged(),
                        stats.findings(),
                        stats.suppressed(),
                        sorted.size(),
                        stats.hookErrors(),
                        stats.instrumentedMethods(),
                        stats.transformErrors(),
                        stats.walkVisited(),
                        0));
    }

    /** The counters of two reports added; a merge counts its own groups and took no time to check. */
    private static ReportStats added(ReportStats a, ReportStats b) {
        return new ReportStats(
                a.registrationsSeen() + b.registrationsSeen(),
                a.tracked() + b.tracked(),
                a.dropped() + b.dropped(),
                a.removed() + b.removed(),
                a.endOfLifeSignals() + b.endOfLifeSignals(),
                a.endedCollected() + b.endedCollected(),
                a.candidates() + b.candidates(),
                a.awaitingFullGc() + b.awaitingFullGc(),
                a.notHeld() + b.notHeld(),
                a.undecided() + b.undecided(),
                a.unjudged() + b.unjudged(),
                a.findings() + b.findings(),
                a.suppressed() + b.suppressed(),
                0,
                a.hookErrors() + b.hookErrors(),
                a.instrumentedMethods() + b.instrumentedMethods(),
                a.transformErrors() + b.transformErrors(),
                a.walkVisited() + b.walkVisited(),
                0);
    }

    /** The group so far with another report's of the same signature: told by the first, its numbers added. */
    private static Group merged(Group so, Group next) {
        return new Group(
                so.signature(),
                so.count() + next.count(),
                earlier(so.firstSeen(), next.firstSeen()),
                later(so.lastSeen(), next.lastSeen()),
                so.summary(),
                so.retainedBytes() + next.retainedBytes(),
                so.subject(),
                so.listener(),
                so.owner(),
                so.registration(),
                so.endOfLife(),
                so.chain(),
                so.chainTraced(),
                so.fix(),
                so.reports() + 1);
    }

    /** The earlier of two times, the first when they are equal; a missing time gives way to the other. */
    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isBefore(a) ? a : b;
    }

    /** The later of two times, the first when they are equal; a missing time gives way to the other. */
    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
