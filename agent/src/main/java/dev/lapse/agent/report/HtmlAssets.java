package dev.lapse.agent.report;

import dev.lapse.agent.track.Signal;

/**
 * What the HTML page carries inline besides its content: its style sheet (one colour variable per signal, light and
 * dark) and its few lines of script (copy buttons, the groups' filter, opening a linked group). Kept apart from
 * {@link HtmlReportWriter}, which writes the content, so that each reads on its own.
 */
final class HtmlAssets {
    private HtmlAssets() {}

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

    static final String STYLE = String.join(
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

    static final String SCRIPT = String.join(
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
