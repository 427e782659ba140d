package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.model.ChainStep;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Report;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a merge renders comes from JSON read back: a field the JSON writer renamed, or the reader misread, would
 * blank that field in every format of a merged report (as it once did in three formats at once, silently). Each
 * format rendered from the report read back must be the format rendered from the report itself, and show its texts.
 */
class FormatsFromJsonTest {
    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void every_format_of_a_report_read_back_from_json_is_the_same_as_of_the_report(ReportFormat format) {
        for (Report r : List.of(Reports.oneJvm(), Reports.merged())) {
            Report read = JsonReportReader.read(JsonValue.parse(ReportFormat.JSON.render(r)));
            assertEquals(format.render(r), format.render(read));
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void every_format_shows_each_groups_summary_fix_and_end_of_life(ReportFormat format) {
        Report r = JsonReportReader.read(JsonValue.parse(ReportFormat.JSON.render(Reports.oneJvm())));
        String out = format.render(r);
        for (Group g : r.groups()) {
            String w = g.signal().wireName();
            for (String marker : List.of("summary-" + w, "fix-" + w, "code-" + w, g.signature())) {
                assertTrue(out.contains(marker), format + " lacks " + marker + ":\n" + out);
            }
            // text and HTML tell the end beside the owner at the chain's end; SARIF where the end happened
            boolean toldEnd = switch (format) {
                case JSON -> true;
                case TEXT, HTML -> g.chain().get(g.chain().size() - 1).role() == ChainStep.Role.OWNER;
                case SARIF -> g.endOfLife().at() != null;
            };
            assertEquals(toldEnd, out.contains("description-" + w), format + " and the end of " + w + ":\n" + out);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ReportFormat.class,
            names = {"JSON", "TEXT", "HTML"})
    void the_formats_for_people_and_tools_explain_the_owner(ReportFormat format) {
        String out = format.render(Reports.oneJvm());
        for (Group g : Reports.oneJvm().groups()) {
            assertTrue(out.contains("explanation-" + g.signal().wireName()), format + ":\n" + out);
        }
    }
}
