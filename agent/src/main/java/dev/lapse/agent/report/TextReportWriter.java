package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.confirm.Step;
import java.time.Instant;
import java.util.List;

/** The report for logs and consoles: a summary, then one block per group with the chain drawn top-down. */
public final class TextReportWriter {
    private static final String INDENT = "    ";
    private static final String LABEL = "%-12s";

    private TextReportWriter() {
    }

    public static String write(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("Lapse ").append(r.version).append(" report, ").append(Instant.ofEpochMilli(r.generatedMillis))
                .append(", pid ").append(r.jvm.getOrDefault("pid", "?")).append('\n');
        b.append(summary(r)).append('\n');
        int n = 0;
        for (FindingGroup g : r.groups) {
            b.append('\n');
            group(b, ++n, g);
        }
        if (!r.notes.isEmpty()) {
            b.append("\nNotes\n");
            for (String note : r.notes) {
                b.append("  - ").append(note).append('\n');
            }
        }
        return b.toString();
    }

    /** One line: how many lapsed listeners, and what was looked at. */
    public static String summary(Report r) {
        int findings = r.findingCount();
        String head = findings == 0 ? "No lapsed listeners found."
                : findings + " lapsed listener" + (findings == 1 ? "" : "s") + " in " + r.groups.size() + " group"
                        + (r.groups.size() == 1 ? "" : "s") + ".";
        return head + " Registrations seen " + r.stats.seen() + ", tracked now " + r.stats.tracked() + ", removed "
                + r.stats.removed() + ", dropped " + r.stats.dropped() + "; end-of-life signals "
                + r.stats.signals() + "; hook errors " + r.stats.hookErrors() + ".";
    }

    private static void group(StringBuilder b, int n, FindingGroup g) {
        Finding f = g.example();
        StackTraceElement top = Names.topApplicationFrame(f.site);
        b.append('#').append(n).append("  ").append(f.end.signal()).append("  x").append(g.count())
                .append("  signature ").append(g.signature()).append('\n');
        b.append(INDENT).append(Story.headline(f)).append('\n');
        line(b, "registered", f.api.display() + (top == null ? "" : " at " + Names.frame(top)));
        List<StackTraceElement> frames = Names.applicationFrames(f.site);
        for (int i = 1; i < frames.size() && i < 6; i++) {
            line(b, "", "  at " + Names.frame(frames.get(i)));
        }
        StackTraceElement at = Story.endFrame(f);
        String ended = f.end.method() != null ? Names.source(f.end.method().substring(0, f.end.method().indexOf('#')))
                + "." + f.end.method().substring(f.end.method().indexOf('#') + 1) + "() returned"
                : "Lapse.expectCollected(" + (f.end.reason() == null ? "" : '"' + f.end.reason() + '"') + ")";
        line(b, "ended", ended + (at == null ? "" : ", called from " + Names.frame(at)));
        line(b, "owner", Story.owner(f));
        line(b, "chain", Names.source(f.subjectClass) + (f.staticSubject ? " (static)" : "") + "  [subject]");
        String indent = "";
        for (Step s : f.chain) {
            indent += "  ";
            String role = s.to.equals(f.listenerClass) ? "  [listener]" : "";
            if (s == f.chain.get(f.chain.size() - 1)) {
                role = "  [owner, " + Story.end(f) + "]";
            }
            line(b, "", indent + "└─ " + (s.field.startsWith("[") ? s.field : "." + s.field) + " → "
                    + Names.source(s.to) + role);
        }
        if (!f.chainTraced) {
            line(b, "", "(the first hop is inside a static registry the walk could not trace)");
        }
        Recommendation rec = Recommendation.of(f);
        line(b, "fix", rec.summary);
        for (String codeLine : rec.code.split("\n", -1)) {
            line(b, "", "| " + codeLine);
        }
    }

    private static void line(StringBuilder b, String label, String text) {
        b.append(INDENT).append(String.format(LABEL, label)).append(text).append('\n');
    }
}
