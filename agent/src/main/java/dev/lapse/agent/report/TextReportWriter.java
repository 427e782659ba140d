package dev.lapse.agent.report;

import dev.lapse.agent.track.Signal;
import java.util.List;

/**
 * The report for logs and consoles: a summary, then one block per group with the chain drawn top-down, one line
 * per hop, the owner and why it should be dead at the bottom. Rendered from the JSON document, so a merged
 * report reads like one JVM's.
 */
public final class TextReportWriter {
    private static final String INDENT = "    ";
    private static final String LABEL = "%-12s";

    private TextReportWriter() {}

    public static String write(JsonValue doc) {
        StringBuilder b = new StringBuilder();
        b.append("Lapse ")
                .append(doc.get("lapse").string("?"))
                .append(" report, ")
                .append(doc.get("generated").string("?"))
                .append(", ")
                .append(origin(doc))
                .append('\n');
        b.append(summary(doc)).append('\n');
        groups(b, doc);
        List<JsonValue> notes = doc.get("notes").list();
        if (!notes.isEmpty()) {
            b.append("\nNotes\n");
            for (JsonValue note : notes) {
                b.append("  - ").append(note.string()).append('\n');
            }
        }
        return b.toString();
    }

    /** The finding groups alone, one block each: what a failed test says. */
    public static String findings(JsonValue doc) {
        StringBuilder b = new StringBuilder();
        groups(b, doc);
        return b.toString();
    }

    private static void groups(StringBuilder b, JsonValue doc) {
        int n = 0;
        for (JsonValue g : doc.get("findings").list()) {
            b.append('\n');
            group(b, ++n, g);
        }
    }

    /** {@code pid 1234}, or {@code merged from 3 reports}. */
    static String origin(JsonValue doc) {
        List<JsonValue> sources = doc.get("sources").list();
        return sources.isEmpty()
                ? "pid " + doc.get("jvm.pid").string("?")
                : "merged from " + sources.size() + " report" + (sources.size() == 1 ? "" : "s");
    }

    /** One line: how many lapsed listeners, and what was looked at. */
    public static String summary(JsonValue doc) {
        JsonValue stats = doc.get("stats");
        long findings = stats.get("findings").number(0);
        long groups = stats.get("groups").number(0);
        String head = findings == 0
                ? "No lapsed listeners found."
                : findings + " lapsed listener" + (findings == 1 ? "" : "s") + " in " + groups + " group"
                        + (groups == 1 ? "" : "s") + ".";
        return head + " Registrations seen " + stats.get("registrationsSeen").number(0) + ", tracked now "
                + stats.get("tracked").number(0) + ", removed "
                + stats.get("removed").number(0) + ", dropped "
                + stats.get("dropped").number(0) + "; end-of-life signals "
                + stats.get("endOfLifeSignals").number(0)
                + "; hook errors " + stats.get("hookErrors").number(0) + ".";
    }

    private static void group(StringBuilder b, int n, JsonValue g) {
        b.append('#')
                .append(n)
                .append("  ")
                .append(g.get("signal").string())
                .append("  x")
                .append(g.get("count").number())
                .append("  ")
                .append(keptAlive(g))
                .append("  signature ")
                .append(g.get("signature").string())
                .append('\n');
        b.append(INDENT).append(g.get("summary").string()).append('\n');
        List<JsonValue> frames = g.get("registration.site").list();
        line(
                b,
                "registered",
                g.get("registration.method").string()
                        + (frames.isEmpty() ? "" : " at " + Names.frame(Names.frameOf(frames.get(0)))));
        for (int i = 1; i < frames.size() && i < 6; i++) {
            line(b, "", "  at " + Names.frame(Names.frameOf(frames.get(i))));
        }
        JsonValue at = g.get("endOfLife.at");
        line(
                b,
                "ended",
                ended(g.get("endOfLife")) + (at.isNull() ? "" : ", called from " + Names.frame(Names.frameOf(at))));
        line(b, "owner", g.get("owner.explanation").string());
        line(
                b,
                "chain",
                Names.source(g.get("subject.class").string())
                        + (g.get("subject.static").bool() ? " (static)" : "") + "  [subject]");
        String indent = "";
        for (JsonValue s : g.get("chain").list()) {
            indent += "  ";
            String role = s.get("role").string("");
            String label = role.equals("listener")
                    ? "  [listener]"
                    : role.equals("owner")
                            ? "  [owner, " + g.get("endOfLife.description").string() + "]"
                            : role.equals("collected") ? "  [collected]" : "";
            String field = s.get("field").string();
            line(
                    b,
                    "",
                    indent + "└─ " + (field.startsWith("[") ? field : "." + field) + " → "
                            + Names.source(s.get("to").string()) + label);
        }
        if (!g.get("chainTraced").bool()) {
            line(b, "", "(" + untraced(g) + ")");
        }
        line(b, "fix", g.get("recommendation.summary").string());
        for (String codeLine : g.get("recommendation.code").string("").split("\n", -1)) {
            line(b, "", "| " + codeLine);
        }
    }

    /** The end of life as the event that happened (see {@link Story#ended}), from a group's {@code endOfLife}. */
    static String ended(JsonValue end) {
        return Story.ended(
                Signal.named(end.get("signal").string()),
                end.get("method").string(),
                end.get("reason").string());
    }

    /** {@code ~12.5 KB kept alive}, or, for a lost listener, which keeps nothing alive, {@code callback lost}. */
    static String keptAlive(JsonValue g) {
        return lostCallback(g) ? retained(g) : retained(g) + " kept alive";
    }

    /** {@code ~12.5 KB}, or {@code callback lost}: a table cell under "kept alive". */
    static String retained(JsonValue g) {
        return lostCallback(g)
                ? "callback lost"
                : "~" + Names.bytes(g.get("retained.bytes").number(0));
    }

    private static boolean lostCallback(JsonValue g) {
        return Signal.named(g.get("signal").string()) == Signal.LOST_LISTENER;
    }

    /** Why the chain was not traced all the way. */
    static String untraced(JsonValue g) {
        return lostCallback(g)
                ? "not traced: a lost listener's evidence is its collected delegate and the owner that outlived it"
                : "the first hop is inside a static registry the walk could not trace";
    }

    private static void line(StringBuilder b, String label, String text) {
        b.append(INDENT).append(String.format(LABEL, label)).append(text).append('\n');
    }
}
