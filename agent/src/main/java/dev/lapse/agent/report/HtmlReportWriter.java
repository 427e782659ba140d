package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report for people: one self-contained HTML page (styles, diagrams and the few lines of script inline; no
 * network, no other files), so it opens straight from a CI artifact. On top a summary (findings by signal, a table
 * of every group that the page's script filters by signal, subject, owner and text, what the run did not count or
 * could not check), then one section per group, collapsed to its headline until opened, with the chain drawn as
 * an SVG diagram from subject to owner ({@link HtmlChainDiagram}), the registration site, the end of life and the
 * fix in a copyable block. Without script every group is still there, only not filterable. Each signal has a
 * colour of its own, and the page follows the system's dark mode.
 */
final class HtmlReportWriter implements ReportWriter {
    @Override
    public String write(Report r) {
        List<Group> groups = r.groups();
        long findings = r.stats().findings();
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Lapse report: ")
                .append(
                        findings == 0
                                ? "no lapsed listeners"
                                : findings + " lapsed listener" + (findings == 1 ? "" : "s"))
                .append("</title>\n<style>")
                .append(HtmlAssets.STYLE)
                .append("</style>\n")
                // first of all, so that an error in the page's own script is recorded where a test can see it
                .append("<script>window.addEventListener('error', function (e) {"
                        + " var d = document.documentElement;"
                        + " d.setAttribute('data-script-errors', (d.getAttribute('data-script-errors') || '')"
                        + " + e.message + ';'); });</script>\n")
                .append("</head>\n<body>\n");
        header(b, r);
        summary(b, r, groups);
        int n = 0;
        for (Group g : groups) {
            group(b, ++n, g);
        }
        b.append("<footer>Written by Lapse ")
                .append(esc(r.lapse() == null ? "?" : r.lapse()))
                .append(". Sizes are estimates from a bounded walk of what each owner references.</footer>\n");
        b.append("<script>").append(HtmlAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void header(StringBuilder b, Report r) {
        b.append("<header><h1>Lapse report</h1><p class=\"meta\">");
        if (r.origin() instanceof Jvm jvm) {
            b.append("pid ")
                    .append(esc(or(jvm.pid(), "?")))
                    .append(" · ")
                    .append(esc(or(jvm.main(), "")))
                    .append(" · Java ")
                    .append(esc(or(jvm.version(), "?")))
                    .append(" (")
                    .append(esc(or(jvm.mode(), "launch")))
                    .append(')');
        } else {
            int sources = ((Merge) r.origin()).sources().size();
            b.append("merged from ").append(sources).append(" report").append(sources == 1 ? "" : "s");
        }
        b.append(" · generated ")
                .append(esc(TextReportWriter.time(r.generated())))
                .append("</p></header>\n");
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static void summary(StringBuilder b, Report r, List<Group> groups) {
        ReportStats stats = r.stats();
        long retained = 0;
        // by wire name, so the table's order is the same in every report
        Map<String, long[]> bySignal = new TreeMap<>();
        for (Group g : groups) {
            retained += g.retainedBytes();
            long[] counts = bySignal.computeIfAbsent(g.signal().wireName(), s -> new long[2]);
            counts[0]++;
            counts[1] += g.count();
        }
        b.append("<section id=\"summary\">\n<div class=\"cards\">");
        card(b, "findings", Long.toString(stats.findings()), "lapsed listeners");
        card(b, "groups", Integer.toString(groups.size()), "groups");
        card(b, "retained", Names.bytes(retained), "kept alive (estimate)");
        card(b, "seen", Long.toString(stats.registrationsSeen()), "registrations seen");
        b.append("</div>\n");
        if (!groups.isEmpty()) {
            b.append("<h2>By signal</h2>\n<table class=\"signals\"><tr><th>signal</th><th>groups</th>"
                    + "<th>findings</th></tr>\n");
            for (Map.Entry<String, long[]> e : bySignal.entrySet()) {
                b.append("<tr><td>")
                        .append(chip(e.getKey()))
                        .append("</td><td>")
                        .append(e.getValue()[0])
                        .append("</td><td>")
                        .append(e.getValue()[1])
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
            table(b, groups, bySignal.keySet());
        }
        b.append("<h2>Not counted, not checked</h2>\n<ul class=\"limits\">");
        limit(b, stats.dropped(), "registrations not tracked (the maxTracked cap was reached)");
        limit(b, stats.suppressed(), "registrations suppressed as known and intended");
        limit(b, stats.awaitingFullGc(), "registrations of ended owners awaiting a full collection");
        limit(b, stats.undecided(), "registrations the walk budget could not decide");
        limit(b, stats.hookErrors(), "hook failures swallowed");
        for (String note : r.notes()) {
            b.append("<li>").append(esc(note)).append("</li>");
        }
        if (r.notes().isEmpty()
                && stats.dropped()
                                + stats.suppressed()
                                + stats.awaitingFullGc()
                                + stats.undecided()
                                + stats.hookErrors()
                        == 0) {
            b.append("<li>Nothing: every registration seen was tracked and every ended owner was checked.</li>");
        }
        b.append("<li class=\"plain\">")
                .append(esc(TextReportWriter.summary(r)))
                .append("</li></ul>\n</section>\n");
    }

    /**
     * Every group in one row, biggest first, each linked to its section. The filter above it is hidden until the
     * script shows it, so a page opened without script offers no control that does nothing.
     */
    private static void table(StringBuilder b, List<Group> groups, Set<String> signals) {
        Set<String> subjects = new TreeSet<>();
        Set<String> owners = new TreeSet<>();
        for (Group g : groups) {
            subjects.add(name(g.subject().className()));
            owners.add(name(g.owner().className()));
        }
        b.append("<h2>Groups</h2>\n<form id=\"filter\" hidden>");
        select(b, "signal", "every signal", signals);
        select(b, "subject", "every subject", subjects);
        select(b, "owner", "every owner", owners);
        b.append("<label>text <input type=\"search\" name=\"text\" placeholder=\"class, method, field…\">"
                        + "</label><button type=\"reset\">Clear</button>"
                        + "<button type=\"button\" id=\"open-all\">Open shown</button>"
                        + "<button type=\"button\" id=\"close-all\">Close all</button>"
                        + "<output id=\"shown\">")
                .append(groups.size())
                .append(" of ")
                .append(groups.size())
                .append(" groups shown</output></form>\n<table class=\"groups\"><thead><tr><th>#</th>"
                        + "<th>signal</th><th>subject</th><th>owner</th><th>what</th><th>count</th>"
                        + "<th>kept alive</th></tr></thead><tbody>\n");
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            String subject = name(g.subject().className());
            String owner = name(g.owner().className());
            b.append("<tr data-group=\"g")
                    .append(i + 1)
                    .append("\" data-signal=\"")
                    .append(g.signal().wireName())
                    .append("\" data-subject=\"")
                    .append(esc(subject))
                    .append("\" data-owner=\"")
                    .append(esc(owner))
                    .append("\"><td class=\"n\"><a href=\"#g")
                    .append(i + 1)
                    .append("\">")
                    .append(i + 1)
                    .append("</a></td><td>")
                    .append(chip(g.signal().wireName()))
                    .append("</td><td><code>")
                    .append(esc(subject))
                    .append("</code></td><td><code>")
                    .append(esc(owner))
                    .append("</code></td><td>")
                    .append(esc(g.summary()))
                    .append("</td><td class=\"n\">")
                    .append(g.count())
                    .append("</td><td class=\"n\">")
                    .append(esc(TextReportWriter.retained(g)))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /** The full name: a filter by simple name would join classes of the same name from different packages. */
    private static String name(String className) {
        return className == null ? "?" : className;
    }

    private static void select(StringBuilder b, String name, String any, Set<String> values) {
        b.append("<label>")
                .append(name)
                .append(" <select name=\"")
                .append(name)
                .append("\"><option value=\"\">")
                .append(any)
                .append("</option>");
        for (String v : values) {
            b.append("<option>").append(esc(v)).append("</option>");
        }
        b.append("</select></label>");
    }

    /** A signal's name in the signal's colour. */
    private static String chip(String signal) {
        return "<span class=\"signal\" data-signal=\"" + signal + "\">" + esc(signal) + "</span>";
    }

    private static void card(StringBuilder b, String id, String value, String label) {
        b.append("<div class=\"card\"><b id=\"")
                .append(id)
                .append("\">")
                .append(esc(value))
                .append("</b><span>")
                .append(esc(label))
                .append("</span></div>");
    }

    private static void limit(StringBuilder b, long n, String what) {
        if (n > 0) {
            b.append("<li><b>").append(n).append("</b> ").append(esc(what)).append("</li>");
        }
    }

    private static void group(StringBuilder b, int n, Group g) {
        String signal = g.signal().wireName();
        b.append("<section class=\"group\" id=\"g")
                .append(n)
                .append("\" data-signal=\"")
                .append(signal)
                .append("\">\n<details>\n<summary><h2><span class=\"rank\">#")
                .append(n)
                .append("</span> ")
                .append(esc(g.summary()))
                .append("</h2>\n<p class=\"tags\">")
                .append(chip(signal))
                .append("<span>×")
                .append(g.count())
                .append("</span>")
                .append("<span>")
                .append(esc(TextReportWriter.keptAlive(g)))
                .append("</span><span class=\"sig\">signature ")
                .append(esc(g.signature()))
                .append("</span></p></summary>\n<div class=\"cols\">\n<figure>");
        HtmlChainDiagram.draw(b, g);
        b.append("</figure>\n<div class=\"details\">\n<h3>Registered</h3><p><code>")
                .append(esc(g.registration().method()))
                .append("</code> on thread ")
                .append(esc(or(g.registration().thread(), "?")))
                .append("</p>\n<ol class=\"frames\">");
        for (Frame f : g.registration().site()) {
            b.append("<li>").append(esc(TextReportWriter.frame(f))).append("</li>");
        }
        b.append("</ol>\n<h3>End of life</h3><p>").append(esc(TextReportWriter.ended(g.endOfLife())));
        Frame at = g.endOfLife().at();
        if (at != null) {
            b.append(", called from ").append(esc(TextReportWriter.frame(at)));
        }
        b.append("</p>\n<h3>Owner</h3><p>").append(esc(g.owner().explanation())).append("</p>\n");
        if (!g.chainTraced()) {
            String why = TextReportWriter.untraced(g);
            b.append("<p class=\"untraced\">")
                    .append(esc(Character.toUpperCase(why.charAt(0)) + why.substring(1)))
                    .append(".</p>\n");
        }
        b.append("</div>\n</div>\n<h3>Fix</h3><p>")
                .append(esc(g.fix().summary()))
                .append("</p>\n<div class=\"code\"><button type=\"button\" class=\"copy\">Copy</button><pre><code>")
                .append(esc(g.fix().code()))
                .append("</code></pre></div>\n</details>\n</section>\n");
    }

    /** Escapes text for HTML element content and attribute values alike. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    b.append("&lt;");
                    break;
                case '>':
                    b.append("&gt;");
                    break;
                case '&':
                    b.append("&amp;");
                    break;
                case '"':
                    b.append("&quot;");
                    break;
                case '\'':
                    b.append("&#39;");
                    break;
                default:
                    b.append(c);
            }
        }
        return b.toString();
    }
}
