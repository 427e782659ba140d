package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import dev.lapse.agent.track.Signal;
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

    /** A signal's colour on a light and on a dark page; white text reads on the first, black on the second. */
    private record Colour(String light, String dark) {}

    private static Colour colour(Signal s) {
        return switch (s) {
            case LIFECYCLE_END -> new Colour("#b42318", "#ff9b8f");
            case EXPLICIT -> new Colour("#a6410f", "#fdba74");
            case SCOPE_END -> new Colour("#7c5800", "#fcd34d");
            case INEFFECTIVE_REMOVAL -> new Colour("#6d28d9", "#c4b5fd");
            case LOST_LISTENER -> new Colour("#0e6a82", "#67e8f9");
            case ACCUMULATION -> new Colour("#1d4ed8", "#93c5fd");
            case PARTIAL_DETACHMENT -> new Colour("#be185d", "#f9a8d4");
            case DETACHED_SUBJECT -> new Colour("#166534", "#86efac");
        };
    }

    /** One variable per signal for each mode, and the rule that picks it: {@code [data-signal=lifecycle-end]}. */
    private static String signalColours() {
        StringBuilder light = new StringBuilder(":root{");
        StringBuilder dark = new StringBuilder("@media (prefers-color-scheme:dark){:root{");
        StringBuilder classes = new StringBuilder();
        for (Signal s : Signal.values()) {
            String w = s.wireName();
            light.append("--").append(w).append(':').append(colour(s).light()).append(';');
            dark.append("--").append(w).append(':').append(colour(s).dark()).append(';');
            classes.append("[data-signal=")
                    .append(w)
                    .append("]{--c:var(--")
                    .append(w)
                    .append(")}");
        }
        return light.append('}') + "\n" + dark.append("}}") + "\n" + classes;
    }

    private static final String STYLE = String.join(
            "\n",
            ":root{color-scheme:light dark;--bg:#f4f5f7;--fg:#1d2329;--panel:#fff;--card:#f4f5f7;--muted:#4a5560;"
                    + "--faint:#6b7580;--line:#d5dae0;--head:#1d2329;--on-c:#fff;--node:#eef1f4;--node-line:#9aa5b1;"
                    + "--subject:#e3ecfb;--subject-line:#5b7fc7;--listener:#fff4d6;--listener-line:#d19a00;"
                    + "--owner:#fde2e1;--owner-line:#c53030;--untraced:#9b5b00}",
            "@media (prefers-color-scheme:dark){:root{--bg:#121518;--fg:#e3e7eb;--panel:#1c2126;--card:#262c32;"
                    + "--muted:#aab4be;--faint:#8d97a1;--line:#3a424a;--head:#0b0d0f;--on-c:#111;--node:#262c32;"
                    + "--node-line:#6b7580;--subject:#1f2f4d;--subject-line:#7d9ee0;--listener:#3b3114;"
                    + "--listener-line:#e0b43a;--owner:#4a1f1f;--owner-line:#f07070;--untraced:#f0b060}}",
            signalColours(),
            "[hidden]{display:none!important}",
            "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:var(--fg);"
                    + "background:var(--bg)}",
            "header{background:var(--head);color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}",
            ".meta{margin:4px 0 0;color:#b9c0c8;font-size:13px}",
            "section{background:var(--panel);margin:18px 32px;padding:18px 24px;border-radius:8px;"
                    + "box-shadow:0 1px 3px rgba(0,0,0,.12)}",
            "section.group{border-left:6px solid var(--c);padding:10px 24px}",
            "h2{font-size:18px;margin:6px 0 10px}h3{font-size:14px;margin:14px 0 4px;color:var(--muted);"
                    + "text-transform:uppercase;letter-spacing:.04em}",
            "code,td,h2,li,p{overflow-wrap:anywhere}",
            // a count or a size broken mid-number reads as two values
            "td.n{white-space:nowrap}",
            "summary{cursor:pointer;list-style:none}summary::-webkit-details-marker{display:none}"
                    + "summary h2::before{content:'\\25B8  ';color:var(--faint)}"
                    + "details[open] summary h2::before{content:'\\25BE  '}summary .tags{margin:0 0 6px}",
            ".cards{display:flex;gap:14px;flex-wrap:wrap}.card{background:var(--card);border-radius:6px;"
                    + "padding:10px 16px;min-width:140px}.card b{display:block;font-size:26px}"
                    + ".card span{color:var(--muted);font-size:13px}",
            "table{border-collapse:collapse}td,th{padding:4px 12px 4px 0;text-align:left;vertical-align:top}"
                    + "th{color:var(--muted);font-weight:600}table.groups{width:100%;font-size:14px}"
                    + "table.groups td{border-top:1px solid var(--line)}table.groups code{font-size:13px}",
            "#filter{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin:0 0 10px;font-size:14px}"
                    + "#filter select,#filter input{max-width:100%;font:inherit}#filter label{max-width:100%}"
                    + "#shown{color:var(--muted)}",
            ".signal{background:var(--c);color:var(--on-c);border-radius:4px;padding:1px 7px;font-size:13px;"
                    + "white-space:nowrap}",
            ".tags span{margin-right:12px}.sig{color:var(--faint);font-size:12px}.rank{color:var(--c)}",
            ".cols{display:flex;gap:28px;flex-wrap:wrap}.cols figure{margin:0;max-width:100%}"
                    + ".details{flex:1;min-width:min(320px,100%)}svg.chain{max-width:100%;height:auto}",
            ".frames{margin:4px 0;padding-left:22px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}",
            ".limits li.plain{color:var(--faint);list-style:none;margin-top:6px}",
            ".untraced{color:var(--untraced)}",
            "svg.chain text{font:13px ui-monospace,Menlo,Consolas,monospace;fill:var(--fg)}"
                    + "svg.chain text.field{fill:var(--muted)}svg.chain text.role{font-size:11px;fill:var(--muted)}",
            ".node rect{fill:var(--node);stroke:var(--node-line)}"
                    + ".node.subject rect{fill:var(--subject);stroke:var(--subject-line)}"
                    + ".node.listener rect{fill:var(--listener);stroke:var(--listener-line)}"
                    + ".node.owner rect{fill:var(--owner);stroke:var(--owner-line)}",
            ".code{position:relative}.code pre{background:#1d2329;color:#e8ecf0;padding:12px 14px;border-radius:6px;"
                    + "overflow:auto;font-size:13px;white-space:pre-wrap}.code pre code{overflow-wrap:anywhere}",
            ".copy{position:absolute;right:8px;top:8px;font-size:12px;padding:3px 10px;border-radius:4px;"
                    + "border:1px solid #6b7580;background:#2c343c;color:#fff;cursor:pointer}",
            "footer{margin:0 32px 24px;color:var(--faint);font-size:12px}",
            "@media (max-width:700px){header{padding:12px 14px}section{margin:10px 8px;padding:12px 12px}"
                    + "section.group{padding:8px 12px}footer{margin:0 8px 16px}td,th{padding-right:6px}"
                    // a row of seven columns cannot fit a phone: each row a block, its long names a line each
                    + "table.groups thead{display:none}table.groups tr{display:block;border-top:1px solid var(--line);"
                    + "padding:6px 0}table.groups td{display:inline-block;border:0;padding:0 10px 0 0}"
                    + "table.groups td:nth-child(3),table.groups td:nth-child(4),table.groups td:nth-child(5)"
                    + "{display:block}table.groups td:nth-child(3)::before{content:'subject ';color:var(--faint)}"
                    + "table.groups td:nth-child(4)::before{content:'owner ';color:var(--faint)}"
                    + "table.groups td:nth-child(6)::before{content:'\\00D7'}}");

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
            // the filter: a row and its group's section are shown together, or hidden together
            "(function () {",
            "  var form = document.getElementById('filter');",
            "  if (!form) { return; }",
            "  var rows = Array.prototype.slice.call(document.querySelectorAll('table.groups tbody tr'));",
            "  var texts = {};",
            "  var text = function (section) {",
            "    return texts[section.id] || (texts[section.id] = section.textContent.toLowerCase());",
            "  };",
            "  var apply = function () {",
            "    var signal = form.elements.signal.value, subject = form.elements.subject.value;",
            "    var owner = form.elements.owner.value, q = form.elements.text.value.trim().toLowerCase();",
            "    var shown = 0;",
            "    rows.forEach(function (row) {",
            "      var section = document.getElementById(row.getAttribute('data-group'));",
            "      var ok = (!signal || row.getAttribute('data-signal') === signal)",
            "        && (!subject || row.getAttribute('data-subject') === subject)",
            "        && (!owner || row.getAttribute('data-owner') === owner)",
            "        && (!q || text(section).indexOf(q) >= 0);",
            "      row.hidden = !ok; section.hidden = !ok;",
            "      if (ok) { shown++; }",
            "    });",
            "    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' groups shown';",
            "  };",
            "  form.addEventListener('input', apply);",
            "  form.addEventListener('change', apply);",
            "  form.addEventListener('submit', function (e) { e.preventDefault(); });",
            "  form.addEventListener('reset', function () { setTimeout(apply, 0); });",
            "  var openAll = function (open) {",
            "    document.querySelectorAll('section.group').forEach(function (s) {",
            "      if (!s.hidden) { s.querySelector('details').open = open; }",
            "    });",
            "  };",
            "  document.getElementById('open-all').addEventListener('click', function () { openAll(true); });",
            "  document.getElementById('close-all').addEventListener('click', function () { openAll(false); });",
            // a link to a group (from the table, or a URL with #g12) opens it
            "  var openTarget = function () {",
            "    var target = location.hash && document.getElementById(location.hash.slice(1));",
            "    if (target && target.classList.contains('group')) { target.querySelector('details').open = true; }",
            "  };",
            "  window.addEventListener('hashchange', openTarget);",
            "  document.querySelectorAll('table.groups a').forEach(function (a) {",
            "    a.addEventListener('click', function () {",
            "      document.getElementById(a.getAttribute('href').slice(1)).querySelector('details').open = true;",
            "    });",
            "  });",
            "  openTarget();",
            "  form.hidden = false;",
            "})();",
            "document.body.setAttribute('data-script', 'ready');");
}
