package dev.lapse.agent.report;

import dev.lapse.agent.report.model.ChainStep;
import dev.lapse.agent.report.model.EndOfLife;
import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import dev.lapse.agent.track.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report for logs and consoles: a summary, then one block per group with the chain drawn top-down, one line
 * per hop, the owner and why it should be dead at the bottom. A merged report reads like one JVM's.
 */
public final class TextReportWriter implements ReportWriter {
    private static final String INDENT = "    ";
    private static final int LABEL_WIDTH = 12;
    private static final String LABEL = "%-" + LABEL_WIDTH + "s";
    /** Where the fix's words wrap, as a terminal or a log viewer shows them; its code lines are never wrapped. */
    private static final int WIDTH = 100;

    @Override
    public String write(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("Lapse ")
                .append(r.lapse() == null ? "?" : r.lapse())
                .append(" report, ")
                .append(time(r.generated()))
                .append(", ")
                .append(origin(r))
                .append('\n');
        b.append(summary(r)).append('\n');
        groups(b, r);
        if (!r.notes().isEmpty()) {
            b.append("\nNotes\n");
            for (String note : r.notes()) {
                b.append("  - ").append(note).append('\n');
            }
        }
        return b.toString();
    }

    /** The finding groups alone, one block each: what a failed test says. */
    public static String findings(Report r) {
        StringBuilder b = new StringBuilder();
        groups(b, r);
        return b.toString();
    }

    private static void groups(StringBuilder b, Report r) {
        int n = 0;
        for (Group g : r.groups()) {
            b.append('\n');
            group(b, ++n, g);
        }
    }

    /** {@code pid 1234}, or {@code merged from 3 reports}. */
    private static String origin(Report r) {
        if (r.origin() instanceof Merge m) {
            int n = m.sources().size();
            return "merged from " + n + " report" + (n == 1 ? "" : "s");
        }
        String pid = ((Jvm) r.origin()).pid();
        return "pid " + (pid == null ? "?" : pid);
    }

    /** {@code 2026-01-31T12:00:00Z}, or {@code ?} when unknown. */
    static String time(Instant t) {
        return t == null ? "?" : IsoTime.of(t);
    }

    /** One line: how many lapsed listeners, and what was looked at; when there are none, a second: why. */
    public static String summary(Report r) {
        ReportStats s = r.stats();
        long findings = s.findings();
        long groups = s.groups();
        String head = findings == 0
                ? "No lapsed listeners found."
                : findings + " lapsed listener" + (findings == 1 ? "" : "s") + " in " + groups + " group"
                        + (groups == 1 ? "" : "s") + ".";
        return head + " Registrations seen " + s.registrationsSeen() + ", tracked now " + s.tracked() + ", removed "
                + s.removed() + ", dropped " + s.dropped() + "; end-of-life signals " + s.endOfLifeSignals()
                + "; hook errors " + s.hookErrors() + transformErrors(s.transformErrors()) + "."
                + diagnosis(r);
    }

    /** Why a report found nothing, on a line of its own, or nothing. */
    private static String diagnosis(Report r) {
        Optional<Diagnosis> d = Diagnosis.of(r);
        return d.isPresent() ? "\n" + d.get().line() : "";
    }

    /** Said only when some class failed: the usual line stays as it was. */
    private static String transformErrors(long n) {
        return n == 0 ? "" : "; transform errors " + n;
    }

    private static void group(StringBuilder b, int n, Group g) {
        b.append('#')
                .append(n)
                .append("  ")
                .append(g.signal().wireName())
                .append("  x")
                .append(g.count())
                .append("  ")
                .append(keptAlive(g))
                .append("  signature ")
                .append(g.signature())
                .append('\n');
        b.append(INDENT).append(g.summary()).append('\n');
        List<Frame> frames = g.registration().site();
        line(b, "registered", g.registration().method() + (frames.isEmpty() ? "" : " at " + frame(frames.get(0))));
        for (int i = 1; i < frames.size() && i < 6; i++) {
            line(b, "", "  at " + frame(frames.get(i)));
        }
        EndOfLife end = g.endOfLife();
        line(b, "ended", ended(end) + (end.at() == null ? "" : ", called from " + frame(end.at())));
        line(b, "owner", g.owner().explanation());
        line(
                b,
                "chain",
                Names.source(g.subject().className()) + (g.subject().isStatic() ? " (static)" : "") + "  [subject]");
        String indent = "";
        for (ChainStep s : g.chain()) {
            indent += "  ";
            String label = switch (s.role()) {
                case HOP -> "";
                case LISTENER -> "  [listener]";
                case OWNER -> "  [owner, " + end.description() + "]";
                case COLLECTED -> "  [collected]";
            };
            String field = s.step().field();
            line(
                    b,
                    "",
                    indent + "└─ " + (field.startsWith("[") ? field : "." + field) + " → "
                            + Names.source(s.step().to()) + label);
        }
        if (!g.chainTraced()) {
            line(b, "", "(" + untraced(g) + ")");
        }
        List<String> fix = wrapped(String.valueOf(g.fix().summary()), WIDTH - INDENT.length() - LABEL_WIDTH);
        for (int i = 0; i < fix.size(); i++) {
            line(b, i == 0 ? "fix" : "", fix.get(i));
        }
        for (String codeLine : (g.fix().code() == null ? "" : g.fix().code()).split("\n", -1)) {
            line(b, "", "| " + codeLine);
        }
    }

    /** {@code View.<init> (View.java:42)}. */
    static String frame(Frame f) {
        return Names.frame(f.element());
    }

    /** The end of life as the event that happened (see {@link Story#ended}). */
    static String ended(EndOfLife end) {
        return Story.ended(end.signal(), end.method(), end.reason());
    }

    /** {@code ~12.5 KB kept alive}, or, for a lost listener, which keeps nothing alive, {@code callback lost}. */
    static String keptAlive(Group g) {
        return lostCallback(g) ? retained(g) : retained(g) + " kept alive";
    }

    /** {@code ~12.5 KB}, or {@code callback lost}: a table cell under "kept alive". */
    static String retained(Group g) {
        return lostCallback(g) ? "callback lost" : "~" + Names.bytes(g.retainedBytes());
    }

    private static boolean lostCallback(Group g) {
        return g.signal() == Signal.LOST_LISTENER;
    }

    /** Why the chain was not traced all the way. */
    static String untraced(Group g) {
        return lostCallback(g)
                ? "not traced: a lost listener's evidence is its collected delegate and the owner that outlived it"
                : "the first hop is inside a static registry the walk could not trace";
    }

    /**
     * {@code text} in lines of at most {@code width} characters, broken at spaces only: a word longer than that (a
     * qualified name) keeps a line of its own, whole.
     */
    static List<String> wrapped(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static void line(StringBuilder b, String label, String text) {
        b.append(INDENT).append(String.format(LABEL, label)).append(text).append('\n');
    }
}
