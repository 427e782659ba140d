package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.model.ChainStep;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Owner;
import dev.lapse.agent.report.model.Registration;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.Subject;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Step;
import dev.lapse.it.support.Chromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report of a big run in a real browser: 320 groups of every signal with long class and method names,
 * filtered by the page's own script, at 1400 and at 500 pixels. Screenshots and the pages are kept in {@code
 * target/lapse-html/} for a person to look at.
 */
class HtmlReportBrowserTest {
    private static final int GROUPS = 320;
    private static final Path OUT = Paths.get("target", "lapse-html");
    private static final String PACKAGE = "com.example.enterprise.platform.notifications.subscriptions.internal";

    private static Chromium chromium;
    private static Path page;
    private static String html;

    @BeforeAll
    static void writeTheReport() throws Exception {
        chromium = Chromium.require();
        Files.createDirectories(OUT);
        page = OUT.resolve("many-groups.html");
        html = ReportFormat.HTML.render(manyGroups());
        Files.writeString(page, html, StandardCharsets.UTF_8);
    }

    @Test
    void groups_start_collapsed_and_a_filter_by_signal_leaves_only_that_signal() throws Exception {
        Path probed = withProbe(
                "filtered",
                "probe('before');"
                        + "var f = document.getElementById('filter');"
                        + "f.elements.signal.value = 'scope-end';"
                        + "f.elements.signal.dispatchEvent(new Event('change', {bubbles: true}));"
                        + "probe('after');");
        Chromium.Page loaded = chromium.load(probed, 1400, 1000);
        assertEquals(List.of(), loaded.scriptErrors());
        assertFalse(loaded.dom.contains("data-script-errors=\""), loaded.log);
        assertEquals(GROUPS + ",0," + GROUPS + "," + GROUPS, probe(loaded, "before"), "groups,open,rows,sections");
        int scopeEnd = GROUPS / Signal.values().length;
        assertEquals(GROUPS + ",0," + scopeEnd + "," + scopeEnd, probe(loaded, "after"));
        assertEquals("scope-end", probe(loaded, "after-signals"), "every row and section still shown");
        assertTrue(loaded.dom.contains(">" + scopeEnd + " of " + GROUPS + " groups shown</output>"), loaded.dom);
    }

    @Test
    void a_filter_by_subject_owner_and_text_together_leaves_the_groups_that_match_all() throws Exception {
        Path probed = withProbe(
                "filtered-by-text",
                "var f = document.getElementById('filter');"
                        + "f.elements.subject.value = '" + subject(3) + "';"
                        + "f.elements.subject.dispatchEvent(new Event('change', {bubbles: true}));"
                        + "probe('subject');"
                        + "f.elements.owner.value = '" + owner(3) + "';"
                        + "f.elements.owner.dispatchEvent(new Event('change', {bubbles: true}));"
                        + "probe('owner');"
                        + "f.elements.text.value = 'GROUP-0003 ';" // case and spaces do not matter
                        + "f.elements.text.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "probe('text');"
                        + "f.reset(); setTimeout(function () { probe('reset'); }, 10);");
        Chromium.Page loaded = chromium.load(probed, 1400, 1000);
        assertEquals(List.of(), loaded.scriptErrors());
        int bySubject = 0;
        int byBoth = 0;
        for (int i = 0; i < GROUPS; i++) {
            if (subject(i).equals(subject(3))) {
                bySubject++;
                byBoth += owner(i).equals(owner(3)) ? 1 : 0;
            }
        }
        assertTrue(byBoth > 1 && byBoth < bySubject, bySubject + " " + byBoth);
        assertEquals(GROUPS + ",0," + bySubject + "," + bySubject, probe(loaded, "subject"));
        assertEquals(GROUPS + ",0," + byBoth + "," + byBoth, probe(loaded, "owner"));
        assertEquals(GROUPS + ",0,1,1", probe(loaded, "text"));
        assertEquals(GROUPS + ",0," + GROUPS + "," + GROUPS, probe(loaded, "reset"));
    }

    @Test
    void nothing_is_wider_than_a_500_pixel_window_with_every_group_closed_or_open() throws Exception {
        Path probed = withProbe(
                "narrow", "probe('closed');" + "document.getElementById('open-all').click();" + "probe('open');");
        Chromium.Page loaded = chromium.load(probed, 500, 900);
        assertEquals(List.of(), loaded.scriptErrors());
        assertEquals("500", probe(loaded, "closed-inner"), "the window the page was laid out in");
        assertEquals(GROUPS + "," + GROUPS + "," + GROUPS + "," + GROUPS, probe(loaded, "open"), "all opened");
        for (String when : List.of("closed", "open")) {
            int scrollWidth = Integer.parseInt(probe(loaded, when + "-scroll"));
            assertTrue(scrollWidth <= 500, when + ": the page is " + scrollWidth + " px wide in 500 px");
            assertEquals("", probe(loaded, when + "-wide"), when + ": elements wider than the window");
        }
    }

    @Test
    void without_script_every_group_is_there_and_no_filter_is_offered() {
        // what a browser shows without script is the markup as written (--dump-dom needs script to serialise)
        assertEquals(GROUPS, html.split("<section class=\"group\"", -1).length - 1);
        assertEquals(GROUPS, html.split("<tr data-group=\"g", -1).length - 1);
        assertTrue(html.contains("<form id=\"filter\" hidden>"), "a filter that could not work");
    }

    @Test
    void screenshots_at_1400_and_500_pixels_light_and_dark() throws Exception {
        chromium.screenshot(page, OUT.resolve("many-groups-1400.png"), 1400, 1800);
        chromium.screenshot(page, OUT.resolve("many-groups-500.png"), 500, 1800);
        chromium.screenshot(page, OUT.resolve("many-groups-1400-dark.png"), 1400, 1800, true);
        // the groups opened, the summary table filtered to one subject so that they are in the picture
        Path opened = withProbe(
                "opened",
                "var f = document.getElementById('filter');"
                        + "f.elements.subject.value = '" + subject(3) + "';"
                        + "f.elements.subject.dispatchEvent(new Event('change', {bubbles: true}));"
                        + "document.getElementById('open-all').click();");
        chromium.screenshot(opened, OUT.resolve("many-groups-500-opened.png"), 500, 5000);
        chromium.screenshot(opened, OUT.resolve("many-groups-500-opened-dark.png"), 500, 5000, true);
    }

    /**
     * The report with {@code script} run after the page's own; {@code probe(name)} records, as attributes of the
     * page's root, the groups, open groups, shown rows and shown sections, the signals of what is shown, the
     * page's width and the window's, and the elements wider than the window.
     */
    private static Path withProbe(String name, String script) throws Exception {
        String probe = "<script>function probe(name) {"
                + " var d = document.documentElement, all = document.querySelectorAll('section.group');"
                + " var rows = document.querySelectorAll('table.groups tbody tr:not([hidden])');"
                + " var shown = document.querySelectorAll('section.group:not([hidden])');"
                + " var signals = {}; rows.forEach(function (r) { signals[r.getAttribute('data-signal')] = 1; });"
                + " shown.forEach(function (s) { signals[s.getAttribute('data-signal')] = 1; });"
                + " var wide = []; document.querySelectorAll('body *').forEach(function (e) {"
                + "   var box = e.getBoundingClientRect();"
                + "   if (box.width > 0 && box.right > window.innerWidth + 0.5) { wide.push(e.tagName + '.'"
                + "     + e.className + ':' + Math.round(box.right)); } });"
                + " d.setAttribute('data-' + name, all.length + ',' + document.querySelectorAll('details[open]').length"
                + "   + ',' + rows.length + ',' + shown.length);"
                + " d.setAttribute('data-' + name + '-signals', Object.keys(signals).sort().join(' '));"
                + " d.setAttribute('data-' + name + '-scroll', d.scrollWidth);"
                + " d.setAttribute('data-' + name + '-inner', window.innerWidth);"
                + " d.setAttribute('data-' + name + '-wide', wide.slice(0, 5).join(' '));"
                + "}\n" + script + "</script>\n</body>";
        Path p = OUT.resolve("many-groups-" + name + ".html");
        Files.writeString(p, html.replace("</body>", probe), StandardCharsets.UTF_8);
        return p;
    }

    private static String probe(Chromium.Page loaded, String name) {
        Matcher m = Pattern.compile(" data-" + Pattern.quote(name) + "=\"([^\"]*)\"")
                .matcher(loaded.dom);
        assertTrue(m.find(), "no probe " + name + " in\n" + loaded.log);
        return m.group(1);
    }

    private static String subject(int i) {
        return PACKAGE + ".ApplicationWideNotificationSubscriptionRegistry" + (i % 13);
    }

    private static String owner(int i) {
        return PACKAGE + ".presentation.CustomerAccountOverviewDashboardPanel$DetailsSection" + (i % 7);
    }

    /** {@value #GROUPS} groups, every signal in turn, the biggest first, with names that do not fit a phone. */
    private static Report manyGroups() {
        Report base = Reports.oneJvm();
        List<Group> groups = new ArrayList<>();
        Signal[] signals = Signal.values();
        for (int i = 0; i < GROUPS; i++) {
            Signal signal = signals[i % signals.length];
            Group g = Reports.group(signal, String.format("sig-%04d", i), GROUPS - i, (GROUPS - i) * 1024L);
            String subject = subject(i);
            String owner = owner(i);
            String add = subject + "#addNotificationSubscriptionListenerForAccountChanges";
            List<ChainStep> chain = List.of(
                    new ChainStep(
                            new Step(subject, "listenersByAccountIdentifier", "java.util.ArrayList"),
                            ChainStep.Role.HOP),
                    new ChainStep(
                            new Step("java.util.ArrayList", "[0]", owner + "$$Lambda$1234"), ChainStep.Role.LISTENER),
                    new ChainStep(new Step(owner + "$$Lambda$1234", "arg$1", owner), ChainStep.Role.OWNER));
            groups.add(new Group(
                    g.signature(),
                    g.count(),
                    g.firstSeen(),
                    g.lastSeen(),
                    String.format("group-%04d: %s via %s never removed", i, Names.source(owner), add),
                    g.retainedBytes(),
                    new Subject(subject, g.subject().isStatic()),
                    g.listener(),
                    new Owner(owner, g.owner().relation(), g.owner().explanation()),
                    new Registration(
                            add,
                            g.registration().removeMethod(),
                            g.registration().thread(),
                            g.registration().handle(),
                            g.registration().site()),
                    g.endOfLife(),
                    chain,
                    g.chainTraced(),
                    g.fix(),
                    1));
        }
        return new Report(
                base.lapse(),
                base.generated(),
                base.origin(),
                base.gc(),
                base.options(),
                groups,
                base.notes(),
                Reports.stats(groups.stream().mapToLong(Group::count).sum(), GROUPS, 77));
    }
}
