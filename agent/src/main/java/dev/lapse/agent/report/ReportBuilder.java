package dev.lapse.agent.report;

import dev.lapse.agent.confirm.CheckResult;
import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.report.model.ChainStep;
import dev.lapse.agent.report.model.EndOfLife;
import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Gc;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Handle;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Listener;
import dev.lapse.agent.report.model.Owner;
import dev.lapse.agent.report.model.Registration;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import dev.lapse.agent.report.model.Subject;
import dev.lapse.agent.track.Site;
import dev.lapse.agent.track.Stats;
import dev.lapse.agent.track.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JVM's report from its check: the findings grouped by signature, each group told in words (owner, end of life,
 * summary) and given its fix, with the counters of the run. Everything a format writes is decided here, once.
 */
public final class ReportBuilder {
    private ReportBuilder() {}

    /**
     * @param notes limits of this run in words: what the report could not see or confirm
     * @param instrumentedMethods methods whose class was transformed
     * @param transformErrors classes that could not be planned or transformed
     */
    public static Report build(
            String version,
            long generatedMillis,
            CheckResult check,
            Stats stats,
            Jvm jvm,
            Map<String, String> options,
            List<String> notes,
            int instrumentedMethods,
            long transformErrors) {
        List<Group> groups = new ArrayList<>();
        for (FindingGroup g : FindingGroup.group(check.findings())) {
            groups.add(group(g));
        }
        long findings = 0;
        for (Finding f : check.findings()) {
            findings += f.count(); // an accumulation counts every registration it stands for
        }
        return new Report(
                version,
                Instant.ofEpochMilli(generatedMillis),
                jvm,
                new Gc(check.gcForced(), check.gcHappened(), check.explicitGcDisabled()),
                options,
                groups,
                notes,
                new ReportStats(
                        stats.seen(),
                        stats.tracked(),
                        stats.dropped(),
                        stats.removed(),
                        stats.signals(),
                        stats.endedCollected(),
                        check.candidates(),
                        check.awaitingGc(),
                        check.notHeld(),
                        check.undecided(),
                        check.unjudged(),
                        findings,
                        check.suppressedCount(),
                        groups.size(),
                        stats.hookErrors(),
                        instrumentedMethods,
                        transformErrors,
                        check.visited(),
                        check.durationMillis()));
    }

    /** A group, told by its first finding. */
    private static Group group(FindingGroup g) {
        Finding f = g.example();
        StackTraceElement top = Names.topApplicationFrame(f.site());
        StackTraceElement at = Story.endFrame(f);
        return new Group(
                g.signature(),
                g.count(),
                Instant.ofEpochMilli(g.firstSeen()),
                Instant.ofEpochMilli(g.lastSeen()),
                Story.headline(f),
                g.retainedBytes(),
                new Subject(f.subjectClass(), f.staticSubject()),
                new Listener(Names.stableClass(f.listenerClass()), Names.listener(f.listenerClass(), top)),
                new Owner(f.ownerClass(), f.relation(), Story.owner(f)),
                new Registration(
                        f.api().display(),
                        f.api().removeName() == null
                                ? null
                                : f.api().declaringClass() + "#" + f.api().removeName(),
                        f.thread(),
                        f.api().handleClose() == null
                                ? null
                                : new Handle(
                                        f.api().handleType(),
                                        f.api().handleClose(),
                                        f.handleDropped(),
                                        f.handleField()),
                        frames(Names.applicationFrames(f.site())),
                        paths(f)),
                new EndOfLife(
                        f.end().signal(),
                        f.end().method(),
                        Story.reason(f.end()),
                        Story.end(f),
                        Instant.ofEpochMilli(f.end().timeMillis()),
                        at == null ? null : Frame.of(at),
                        frames(Names.applicationFrames(f.end().site().frames()))),
                chain(f),
                f.chainTraced(),
                Fixes.of(f),
                1);
    }

    /** The chain with its roles: the listener where the chain reaches it, and what the last step reaches. */
    private static List<ChainStep> chain(Finding f) {
        List<ChainStep> chain = new ArrayList<>(f.chain().size());
        int listenerStep = f.listenerStep();
        ChainStep.Role end = switch (f.relation()) {
            case WEAK_DELEGATE, WEAKLY_HELD -> ChainStep.Role.COLLECTED;
            case SELF, ENCLOSING_INSTANCE, CAPTURED, REGISTERED_BY -> ChainStep.Role.OWNER;
        };
        for (int i = 0; i < f.chain().size(); i++) {
            Step s = f.chain().get(i);
            chain.add(new ChainStep(
                    s,
                    i == f.chain().size() - 1
                            ? end
                            : i == listenerStep ? ChainStep.Role.LISTENER : ChainStep.Role.HOP));
        }
        return chain;
    }

    /** The application frames of each path that reached the registering line, when there is more than one. */
    private static List<List<Frame>> paths(Finding f) {
        if (f.paths().size() < 2) {
            return List.of();
        }
        List<List<Frame>> paths = new ArrayList<>(f.paths().size());
        for (Site path : f.paths()) {
            paths.add(frames(Names.applicationFrames(path.frames())));
        }
        return paths;
    }

    private static List<Frame> frames(List<StackTraceElement> frames) {
        List<Frame> out = new ArrayList<>(frames.size());
        for (StackTraceElement e : frames) {
            out.add(Frame.of(e));
        }
        return out;
    }
}
