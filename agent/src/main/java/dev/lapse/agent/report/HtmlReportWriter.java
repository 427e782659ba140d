package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report for people: one self-contained HTML page (styles, diagrams and the few lines of script inline; no
 * network, no other files), so it opens straight from a CI artifact. On top a summary (findings by signal, the
 * biggest groups, what the run did not count or could not check), then one section per group with the chain
 * drawn as an SVG diagram from subject to owner ({@link HtmlChainDiagram}), the registration site, the end of
 * life and the fix in a copyable block.
 */
final class HtmlReportWriter implements ReportWriter {
    private static final int BIGGEST_GROUPS = 20;

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
                .append(STYLE)
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
        b.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
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
                b.append("<tr><td><span class=\"signal\">")
                        .append(esc(e.getKey()))
                        .append("</span></td><td>")
                        .append(e.getValue()[0])
                        .append("</td><td>")
                        .append(e.getValue()[1])
                        .append("</td></tr>\n");
            }
            b.append("</table>\n<h2>Biggest groups</h2>\n<table class=\"biggest\"><tr><th>#</th><th>what</th>"
                    + "<th>count</th><th>kept alive</th></tr>\n");
            for (int i = 0; i < groups.size() && i < BIGGEST_GROUPS; i++) {
                Group g = groups.get(i);
                b.append("<tr><td><a href=\"#g")
                        .append(i + 1)
                        .append("\">")
                        .append(i + 1)
                        .append("</a></td><td>")
                        .append(esc(g.summary()))
                        .append("</td><td>")
                        .append(g.count())
                        .append("</td><td>")
                        .append(esc(TextReportWriter.retained(g)))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
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
        b.append("<section class=\"group\" id=\"g")
                .append(n)
                .append("\">\n<h2><span class=\"rank\">#")
                .append(n)
                .append("</span> ")
                .append(esc(g.summary()))
                .append("</h2>\n<p class=\"tags\">")
                .append("<span class=\"signal\">")
                .append(esc(g.signal().wireName()))
                .append("</span>")
                .append("<span>×")
                .append(g.count())
                .append("</span>")
                .append("<span>")
                .append(esc(TextReportWriter.keptAlive(g)))
                .append("</span><span class=\"sig\">signature ")
                .append(esc(g.signature()))
                .append("</span></p>\n<div class=\"cols\">\n<figure>");
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
                .append("</code></pre></div>\n</section>\n");
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

    private static final String STYLE = String.join(
            "\n",
            "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1d2329;"
                    + "background:#f4f5f7}",
            "header{background:#1d2329;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}",
            ".meta{margin:4px 0 0;color:#b9c0c8;font-size:13px}",
            "section{background:#fff;margin:18px 32px;padding:18px 24px;border-radius:8px;"
                    + "box-shadow:0 1px 3px rgba(0,0,0,.12)}",
            "h2{font-size:18px;margin:6px 0 10px}h3{font-size:14px;margin:14px 0 4px;color:#4a5560;"
                    + "text-transform:uppercase;letter-spacing:.04em}",
            ".cards{display:flex;gap:14px;flex-wrap:wrap}.card{background:#f4f5f7;border-radius:6px;padding:10px 16px;"
                    + "min-width:140px}.card b{display:block;font-size:26px}.card span{color:#4a5560;font-size:13px}",
            "table{border-collapse:collapse}td,th{padding:4px 12px 4px 0;text-align:left;vertical-align:top}"
                    + "th{color:#4a5560;font-weight:600}",
            ".signal{background:#fde2e1;color:#9b1c1c;border-radius:4px;padding:1px 7px;font-size:13px}",
            ".tags span{margin-right:12px}.sig{color:#6b7580;font-size:12px}.rank{color:#9b1c1c}",
            ".cols{display:flex;gap:28px;flex-wrap:wrap}.cols figure{margin:0}.details{flex:1;min-width:320px}",
            ".frames{margin:4px 0;padding-left:22px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}",
            ".limits li.plain{color:#6b7580;list-style:none;margin-top:6px}",
            ".untraced{color:#9b5b00}",
            "svg.chain text{font:13px ui-monospace,Menlo,Consolas,monospace;fill:#1d2329}"
                    + "svg.chain text.field{fill:#4a5560}svg.chain text.role{font-size:11px;fill:#4a5560}",
            ".node rect{fill:#eef1f4;stroke:#9aa5b1}.node.subject rect{fill:#e3ecfb;stroke:#5b7fc7}"
                    + ".node.listener rect{fill:#fff4d6;stroke:#d19a00}.node.owner rect{fill:#fde2e1;stroke:#c53030}",
            ".code{position:relative}.code pre{background:#1d2329;color:#e8ecf0;padding:12px 14px;border-radius:6px;"
                    + "overflow:auto;font-size:13px}",
            ".copy{position:absolute;right:8px;top:8px;font-size:12px;padding:3px 10px;border-radius:4px;"
                    + "border:1px solid #6b7580;background:#2c343c;color:#fff;cursor:pointer}",
            "footer{margin:0 32px 24px;color:#6b7580;font-size:12px}");

    private static final String SCRIPT = String.join(
            "\n",
            "document.querySelectorAll('button.copy').forEach(function (button) {",
            "  button.addEventListener('click', function () {",
            "    var code = button.parentNode.querySelector('code');",
            "    var select = function () {",
            "      var range = document.createRange(); range.selectNodeContents(code);",
            "      var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);",
            "      button.textContent = 'Selected: press Ctrl+C';",
            "    };",
            "    if (navigator.clipboard && window.isSecureContext) {",
            "      navigator.clipboard.writeText(code.textContent).then(function () { button.textContent = 'Copied'; },"
                    + " select);",
            "    } else { select(); }",
            "  });",
            "});",
            "document.body.setAttribute('data-script', 'ready');");
}
