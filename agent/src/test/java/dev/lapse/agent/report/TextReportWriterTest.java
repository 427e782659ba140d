package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.model.Fix;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.track.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {
    @Test
    void a_group_is_a_block_with_the_chain_drawn_one_hop_a_line_and_the_owner_last() {
        String text = ReportFormat.TEXT.render(Reports.oneJvm());
        assertTrue(
                text.startsWith("Lapse 1.2.3 report, 2026-01-31T12:00:00.125Z, pid 4242\n"
                        + "24 lapsed listeners in 8 groups. Registrations seen 101, tracked now 102, removed 104,"
                        + " dropped 103; end-of-life signals 105; hook errors 111.\n"
                        + "\n"
                        + "#1  lifecycle-end  x3  ~1.0 MB kept alive  signature sig-lifecycle-end\n"
                        + "    summary-lifecycle-end\n"
                        + "    registered  com.acme.Model#addListener at View.<init> (View.java:42)\n"
                        + "                  at Main.main (Main.java:7)\n"
                        + "    ended       View.dispose() returned, called from Main.main (Main.java:7)\n"
                        + "    owner       explanation-lifecycle-end\n"
                        + "    chain       Model  [subject]\n"
                        + "                  └─ .listeners → ArrayList\n"
                        + "                    └─ .elementData → Object[]\n"
                        + "                      └─ [0] → View$1  [listener]\n"
                        + "                        └─ .this$0 → View  [owner, description-lifecycle-end]\n"
                        + "    fix         fix-lifecycle-end\n"
                        + "                | code-lifecycle-end\n"
                        + "                | line-two-lifecycle-end\n"
                        + "\n"
                        + "#2  explicit  x3  ~512.0 KB kept alive  signature sig-explicit\n"),
                text);
        assertTrue(text.endsWith("\nNotes\n  - note-one\n  - note-two\n"), text);
    }

    @Test
    void the_fix_wraps_at_100_columns_under_its_label_and_its_code_lines_stay_whole() {
        String longCode = "// " + "a code line is copied as it is, however long it runs; ".repeat(3);
        Group g = Reports.group(Signal.LIFECYCLE_END, "sig-long", 1, 100);
        String fix = "Call draft.removeDraftListener(…) where OrderPanel replaces or clears draft"
                + " (OrderPanel.java:48): the listener registered at OrderPanel.java:48 keeps OrderPanel reachable"
                + " from OrderDraft, which OrderPanel no longer holds, after it let go of it, and the_next_word_is_"
                + "one_far_longer_than_a_line_which_keeps_a_line_of_its_own_whole_rather_than_being_cut_in_two.";
        Group longFix = g.withFix(new Fix(g.fix().kind(), fix, g.fix().where(), longCode + "\nremove();"));
        String text = TextReportWriter.findings(new Report(
                "1",
                Reports.T0,
                Reports.oneJvm().origin(),
                Reports.oneJvm().gc(),
                java.util.Map.of(),
                List.of(longFix),
                List.of(),
                Reports.stats(1, 1, 1)));
        List<String> block =
                text.lines().dropWhile(l -> !l.startsWith("    fix ")).toList();
        assertEquals(
                List.of(
                        "    fix         Call draft.removeDraftListener(…) where OrderPanel replaces or clears draft",
                        "                (OrderPanel.java:48): the listener registered at OrderPanel.java:48 keeps OrderPanel",
                        "                reachable from OrderDraft, which OrderPanel no longer holds, after it let go of it,",
                        "                and",
                        "                the_next_word_is_one_far_longer_than_a_line_which_keeps_a_line_of_its_own_whole_rather_than_being_cut_in_two.",
                        "                | " + longCode,
                        "                | remove();"),
                block);
        assertEquals(
                fix, String.join(" ", block.subList(0, 5)).replaceAll(" +", " ").substring(" fix ".length()));
    }

    @Test
    void a_lost_listener_keeps_nothing_alive_and_its_chain_ends_at_the_collected_delegate() {
        String text = TextReportWriter.findings(Reports.oneJvm());
        assertTrue(text.contains("#5  lost-listener  x3  callback lost  signature sig-lost-listener\n"), text);
        assertTrue(text.contains("    ended       not ended: the owner lives on, its listener was collected\n"), text);
        assertTrue(
                text.contains("                        └─ .this$0 → View  [collected]\n"
                        + "                (not traced: a lost listener's evidence is its collected delegate and the owner that"
                        + " outlived it)\n"),
                text);
        assertTrue(text.startsWith("\n#1  lifecycle-end"), "the findings alone, no header:\n" + text);
    }

    @Test
    void each_signal_tells_its_end_as_the_event_that_happened() {
        String text = TextReportWriter.findings(Reports.oneJvm());
        for (String ended : List.of(
                "ended       Lapse.expectCollected(\"reason-explicit\"), called from Main.main (Main.java:7)\n",
                "ended       reason-scope-end ended\n",
                "ended       not needed: reason-accumulation\n",
                "ended       not ended, partly detached: View.dispose() returned, called from Main.main"
                        + " (Main.java:7)\n",
                "ended       not ended: the owner let go of its reason-detached-subject, which still holds the owner's"
                        + " listener\n")) {
            assertTrue(text.contains(ended), ended + " in\n" + text);
        }
    }

    @Test
    void a_merged_report_says_how_many_it_merged() {
        Report merged = Reports.merged();
        assertTrue(
                ReportFormat.TEXT
                        .render(merged)
                        .startsWith("Lapse 1.2.3 report, 2026-01-31T12:01:00.125Z, merged from"
                                + " 2 reports\n6 lapsed listeners in 2 groups."),
                ReportFormat.TEXT.render(merged));
    }

    @Test
    void the_summary_of_an_empty_report_says_nothing_was_found_what_was_looked_at_and_why() {
        assertEquals(
                "No lapsed listeners found. Registrations seen 101, tracked now 102, removed 104, dropped 103;"
                        + " end-of-life signals 105; hook errors 111.\n"
                        + Diagnosis.of(empty(0)).orElseThrow().line(),
                TextReportWriter.summary(empty(0)));
        assertEquals(
                "Alive and unjudged 115, ended and collected 114. Most likely the findings were left out on purpose:"
                        + " 110 suppressed by the known-registration rules the notes name. See"
                        + " docs/recognised.md#known-and-intended-registrations.",
                Diagnosis.of(empty(0)).orElseThrow().line());
    }

    @Test
    void the_summary_says_how_many_classes_could_not_be_instrumented_when_some_could_not() {
        Report r = empty(2);
        assertTrue(TextReportWriter.summary(r)
                .lines()
                .findFirst()
                .orElseThrow()
                .endsWith("; hook errors 111; transform errors 2."));
        assertEquals(r, JsonReportReader.read(JsonValue.parse(ReportFormat.JSON.render(r))), "read back from JSON");
    }

    private static Report empty(long transformErrors) {
        return new Report(
                "1",
                Reports.T0,
                Reports.oneJvm().origin(),
                Reports.oneJvm().gc(),
                java.util.Map.of(),
                List.of(),
                List.of(),
                Reports.stats(0, 0, 1, transformErrors));
    }
}
