package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.track.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
    private static final String PAGE = ReportFormat.HTML.render(Reports.oneJvm());

    @Test
    void the_summary_counts_findings_groups_bytes_and_registrations() {
        assertTrue(PAGE.contains("<title>Lapse report: 24 lapsed listeners</title>"), PAGE);
        assertTrue(PAGE.contains("<p class=\"meta\">pid 4242 · com.acme.Main · Java 17.0.9 (launch) · generated"
                + " 2026-01-31T12:00:00.125Z</p>"));
        assertTrue(PAGE.contains("<b id=\"findings\">24</b>"));
        assertTrue(PAGE.contains("<b id=\"groups\">8</b>"));
        assertTrue(PAGE.contains("<b id=\"retained\">2.0 MB</b>"), "the groups' bytes added");
        assertTrue(PAGE.contains("<b id=\"seen\">101</b>"));
        assertTrue(PAGE.contains("<li>note-one</li><li>note-two</li>"));
    }

    @Test
    void the_table_by_signal_is_in_the_order_of_the_signals_names() {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile(
                        "<tr><td><span class=\"signal\" data-signal=\"([a-z-]+)\">\\1</span></td><td>1</td><td>3</td></tr>")
                .matcher(PAGE);
        while (m.find()) {
            rows.add(m.group(1));
        }
        assertEquals(
                List.of(
                        "accumulation",
                        "detached-subject",
                        "explicit",
                        "ineffective-removal",
                        "lifecycle-end",
                        "lost-listener",
                        "partial-detachment",
                        "scope-end"),
                rows);
    }

    @Test
    void each_group_has_a_section_with_its_chain_drawn_from_the_subject_to_the_owner() {
        assertEquals(8, count(PAGE, "<section class=\"group\""));
        assertEquals(8, count(PAGE, "<svg class=\"chain\""));
        assertEquals(8, count(PAGE, "<g class=\"node subject\">"));
        assertEquals(16, count(PAGE, "<g class=\"node hop\">"));
        assertEquals(8, count(PAGE, "<g class=\"node listener\">"));
        assertEquals(7, count(PAGE, "<g class=\"node owner\">"));
        assertEquals(1, count(PAGE, "<g class=\"node collected\">"), "a lost listener's chain ends at its delegate");
        assertTrue(PAGE.contains(">owner, description-lifecycle-end</text>"), PAGE);
        assertTrue(PAGE.contains("<span>callback lost</span>"));
        assertTrue(PAGE.contains("<p class=\"untraced\">Not traced: a lost listener&#39;s evidence"));
        assertTrue(PAGE.contains(
                "<h3>End of life</h3><p>View.dispose() returned, called from Main.main" + " (Main.java:7)</p>"));
    }

    @Test
    void every_group_has_a_row_in_the_table_linked_to_its_section_which_starts_collapsed() {
        assertEquals(8, count(PAGE, "<tr data-group=\"g"));
        assertTrue(
                PAGE.contains("<tr data-group=\"g1\" data-signal=\"lifecycle-end\" data-subject=\"com.acme.Model\""
                        + " data-owner=\"com.acme.ui.View\"><td class=\"n\"><a href=\"#g1\">1</a></td>"),
                PAGE);
        assertEquals(8, count(PAGE, "<details>\n<summary><h2>"));
        assertFalse(PAGE.contains("<details open"));
        assertTrue(PAGE.contains("<form id=\"filter\" hidden>"), "no filter shown until the script can run it");
        assertTrue(PAGE.contains("<option value=\"\">every signal</option><option>accumulation</option>"));
    }

    @Test
    void each_signal_has_a_colour_of_its_own_in_the_light_and_in_the_dark() {
        for (Signal s : Signal.values()) {
            assertEquals(2, count(PAGE, "--" + s.wireName() + ":#"), s.wireName());
            assertTrue(
                    PAGE.contains("[data-signal=" + s.wireName() + "]{--c:var(--" + s.wireName() + ")}"), s.wireName());
            assertTrue(PAGE.contains("data-signal=\"" + s.wireName() + "\">\n<details>"), s.wireName());
        }
        assertTrue(PAGE.contains("@media (prefers-color-scheme:dark)"));
    }

    @Test
    void text_from_the_application_is_escaped() {
        Group g = Reports.group(Signal.LIFECYCLE_END, "sig<&>\"'", 1, 1);
        Report r = new Report(
                "1",
                Reports.T0,
                Reports.oneJvm().origin(),
                Reports.oneJvm().gc(),
                java.util.Map.of(),
                List.of(g),
                List.of("<script>alert(1)</script>"),
                Reports.stats(1, 1, 0));
        String page = ReportFormat.HTML.render(r);
        assertFalse(page.contains("<script>alert(1)</script>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("signature sig&lt;&amp;&gt;&quot;&#39;</span>"), page);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
