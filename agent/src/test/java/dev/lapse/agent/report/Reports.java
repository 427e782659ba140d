package dev.lapse.agent.report;

import dev.lapse.agent.report.model.ChainStep;
import dev.lapse.agent.report.model.EndOfLife;
import dev.lapse.agent.report.model.Fix;
import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Gc;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Handle;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Listener;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Owner;
import dev.lapse.agent.report.model.Registration;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import dev.lapse.agent.report.model.Source;
import dev.lapse.agent.report.model.Subject;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reports built in the test, no agent needed: one group per signal, each text of a group a marker of its own
 * ({@code summary-lifecycle-end}) so a test can tell where every value went.
 */
final class Reports {
    static final Instant T0 = Instant.parse("2026-01-31T12:00:00.125Z");

    private Reports() {}

    /** One JVM's report with a group of every signal, the biggest first. */
    static Report oneJvm() {
        List<Group> groups = new ArrayList<>();
        long bytes = 1 << 20;
        for (Signal s : Signal.values()) {
            groups.add(group(s, "sig-" + s.wireName(), 3, bytes));
            bytes /= 2;
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("out", "lapse-report");
        options.put("formats", "json:txt:html:sarif");
        return new Report(
                "1.2.3",
                T0,
                new Jvm(
                        "17.0.9",
                        "Acme",
                        "OpenJDK 64-Bit Server VM",
                        "4242",
                        "com.acme.Main",
                        "2026-01-31T11:59:00Z",
                        "launch",
                        "60000"),
                new Gc(true, true, false),
                options,
                groups,
                List.of("note-one", "note-two"),
                stats(groups.size() * 3L, groups.size(), 77));
    }

    /** A merge of two reports, its groups counted in one and in two of them. */
    static Report merged() {
        List<Group> groups = List.of(
                group(Signal.LIFECYCLE_END, "sig-a", 5, 4096).withReports(2),
                group(Signal.LOST_LISTENER, "sig-b", 1, 0).withReports(1));
        return new Report(
                "1.2.3",
                T0.plusSeconds(60),
                new Merge(List.of(
                        new Source("jvms/1/lapse-report.json", "1", "com.acme.Main", "17.0.9", T0.toString(), 4),
                        new Source("jvms/2/lapse-report.json", "2", "com.acme.Main", "25", T0.toString(), 2))),
                new Gc(true, false, true),
                Map.of("out", "(differs)"),
                groups,
                List.of("note-merged"),
                stats(6, groups.size(), 0));
    }

    static ReportStats stats(long findings, long groups, long checkMillis) {
        return stats(findings, groups, checkMillis, 0);
    }

    /** {@link #stats(long, long, long)} of a run where {@code transformErrors} classes could not be instrumented. */
    static ReportStats stats(long findings, long groups, long checkMillis, long transformErrors) {
        return new ReportStats(
                101,
                102,
                103,
                104,
                105,
                114,
                106,
                107,
                108,
                109,
                115,
                findings,
                110,
                groups,
                111,
                112,
                transformErrors,
                113,
                checkMillis);
    }

    /** A group of {@code signal} whose texts are markers ending in the signal's wire name. */
    static Group group(Signal signal, String signature, long count, long bytes) {
        String w = signal.wireName();
        boolean lost = signal == Signal.LOST_LISTENER;
        Frame site = new Frame("com.acme.ui.View", "<init>", "View.java", 42);
        Frame caller = new Frame("com.acme.Main", "main", "Main.java", 7);
        List<ChainStep> chain = List.of(
                new ChainStep(new Step("com.acme.Model", "listeners", "java.util.ArrayList"), ChainStep.Role.HOP),
                new ChainStep(
                        new Step("java.util.ArrayList", "elementData", "[Ljava.lang.Object;"), ChainStep.Role.HOP),
                new ChainStep(new Step("[Ljava.lang.Object;", "[0]", "com.acme.ui.View$1"), ChainStep.Role.LISTENER),
                new ChainStep(
                        new Step("com.acme.ui.View$1", "this$0", "com.acme.ui.View"),
                        lost ? ChainStep.Role.COLLECTED : ChainStep.Role.OWNER));
        return new Group(
                signature,
                count,
                T0.minusSeconds(30),
                T0.minusSeconds(10),
                "summary-" + w,
                bytes,
                new Subject("com.acme.Model", signal == Signal.EXPLICIT),
                new Listener("com.acme.ui.View$1", "display-" + w),
                new Owner(
                        "com.acme.ui.View",
                        lost ? OwnerRelation.WEAK_DELEGATE : OwnerRelation.ENCLOSING_INSTANCE,
                        "explanation-" + w),
                new Registration(
                        "com.acme.Model#addListener",
                        signal == Signal.ACCUMULATION ? null : "com.acme.Model#removeListener",
                        "thread-" + w,
                        signal == Signal.LIFECYCLE_END
                                ? new Handle("com.acme.Subscription", "cancel", true, null)
                                : null,
                        List.of(site, caller)),
                new EndOfLife(
                        signal,
                        signal.hasCallSite() && signal != Signal.EXPLICIT ? "com.acme.ui.View#dispose" : null,
                        signal.hasCallSite() && signal != Signal.EXPLICIT ? null : "reason-" + w,
                        "description-" + w,
                        T0.minusSeconds(5),
                        signal.hasCallSite() ? caller : null,
                        List.of(new Frame("com.acme.ui.View", "dispose", "View.java", 90), caller)),
                chain,
                signal != Signal.LOST_LISTENER,
                new Fix(Fix.Kind.REMOVE_CALL, "fix-" + w, "com.acme.ui.View#dispose", "code-" + w + "\nline-two-" + w),
                1);
    }
}
