package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.model.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON writer and reader, held to each other: what one writes the other reads back, every field of it. */
class JsonReportTest {
    @Test
    void one_jvms_report_reads_back_from_its_json_as_it_was_written() {
        Report r = Reports.oneJvm();
        String json = ReportFormat.JSON.render(r);
        Report read = JsonReportReader.read(JsonValue.parse(json));
        assertEquals(r, read);
        assertEquals(json, ReportFormat.JSON.render(read));
    }

    @Test
    void a_merge_reads_back_from_its_json_as_it_was_written() {
        Report r = Reports.merged();
        String json = ReportFormat.JSON.render(r);
        Report read = JsonReportReader.read(JsonValue.parse(json));
        assertEquals(r, read);
        assertEquals(json, ReportFormat.JSON.render(read));
    }

    @Test
    void one_jvms_json_has_the_schema_1_layout_in_its_order() {
        JsonValue doc = JsonValue.parse(ReportFormat.JSON.render(Reports.oneJvm()));
        assertEquals(
                List.of("schema", "lapse", "generated", "jvm", "options", "findings", "notes", "stats"), keys(doc));
        assertEquals(1, doc.get("schema").number());
        assertEquals("2026-01-31T12:00:00.125Z", doc.get("generated").string());
        assertEquals(
                List.of("version", "vendor", "vm", "pid", "main", "started", "mode", "uptimeMillis", "gc"),
                keys(doc.get("jvm")));
        assertEquals("60000", doc.get("jvm.uptimeMillis").string(), "the JVM's facts are text");
        assertEquals(
                List.of(
                        "registrationsSeen",
                        "tracked",
                        "dropped",
                        "removed",
                        "endOfLifeSignals",
                        "endedCollected",
                        "candidates",
                        "awaitingFullGc",
                        "notHeld",
                        "undecided",
                        "unjudged",
                        "findings",
                        "suppressed",
                        "groups",
                        "hookErrors",
                        "instrumentedMethods",
                        "transformErrors",
                        "walkVisited",
                        "checkMillis"),
                keys(doc.get("stats")));
        JsonValue g = doc.get("findings").list().get(0);
        assertEquals(
                List.of(
                        "signature",
                        "signal",
                        "count",
                        "firstSeen",
                        "lastSeen",
                        "summary",
                        "retained",
                        "subject",
                        "listener",
                        "owner",
                        "registration",
                        "endOfLife",
                        "chain",
                        "chainTraced",
                        "recommendation"),
                keys(g));
        assertEquals("lifecycle-end", g.get("signal").string());
        assertEquals("lifecycle-end", g.get("endOfLife.signal").string());
        assertTrue(g.get("retained.estimate").bool());
        assertEquals("enclosing-instance", g.get("owner.relation").string());
        assertEquals(List.of("type", "close", "dropped", "field"), keys(g.get("registration.handle")));
        assertTrue(g.get("registration.handle.field").isNull());
        assertEquals(List.of("class", "method", "file", "line"), keys(g.get("endOfLife.at")));
        List<String> roles = new ArrayList<>();
        for (JsonValue step : g.get("chain").list()) {
            roles.add(step.get("role").string());
        }
        assertEquals(java.util.Arrays.asList(null, null, "listener", "owner"), roles);
        assertEquals("remove-call", g.get("recommendation.kind").string());

        JsonValue lost = doc.get("findings").list().stream()
                .filter(f -> f.get("signal").string().equals("lost-listener"))
                .findFirst()
                .orElseThrow();
        assertEquals("weak-delegate", lost.get("owner.relation").string());
        assertEquals("collected", lost.get("chain").list().get(3).get("role").string());
        assertTrue(lost.get("endOfLife.at").isNull());
        assertTrue(lost.get("registration.handle").isNull());
    }

    @Test
    void a_merges_json_lists_its_sources_counts_reports_and_has_no_check_time() {
        JsonValue doc = JsonValue.parse(ReportFormat.JSON.render(Reports.merged()));
        assertEquals(
                List.of("schema", "lapse", "generated", "jvm", "sources", "options", "findings", "notes", "stats"),
                keys(doc));
        assertEquals(List.of("mode", "gc"), keys(doc.get("jvm")));
        assertEquals("merge", doc.get("jvm.mode").string());
        assertEquals(
                List.of("file", "pid", "main", "javaVersion", "generated", "findings"),
                keys(doc.get("sources").list().get(0)));
        List<String> stats = keys(doc.get("stats"));
        assertFalse(stats.contains("checkMillis"), stats.toString());
        assertEquals("groups", stats.get(stats.size() - 1));
        JsonValue g = doc.get("findings").list().get(0);
        List<String> group = keys(g);
        assertEquals("reports", group.get(group.size() - 1));
        assertEquals(2, g.get("reports").number());
    }

    @Test
    void a_report_this_lapse_cannot_read_is_refused_saying_why() {
        assertEquals("report schema 7, this Lapse reads schema 1", refusal("{\"schema\": 7, \"findings\": []}"));
        assertEquals("not a Lapse report (no schema and findings)", refusal("{\"findings\": []}"));
        assertEquals("not a Lapse report (no schema and findings)", refusal("[1]"));
        assertEquals(
                "a finding group without a signature",
                refusal("{\"schema\": 1, \"findings\": [{\"signal\": \"lifecycle-end\"}]}"));
        String json = ReportFormat.JSON.render(Reports.oneJvm());
        assertEquals(
                "the finding group sig-lifecycle-end: 'lifecycle' is not a signal: one of "
                        + dev.lapse.agent.track.Signal.names(),
                refusal(json.replaceFirst("\"signal\": \"lifecycle-end\"", "\"signal\": \"lifecycle\"")));
        assertEquals(
                "the finding group sig-lifecycle-end: signal lifecycle-end but an end of life of signal explicit",
                refusal(json.replaceFirst("(\"endOfLife\": \\{\\s*\"signal\": )\"lifecycle-end\"", "$1\"explicit\"")));
        assertEquals(
                "the finding group sig-lifecycle-end: 'yesterday' is not a time such as 2026-01-31T12:00:00Z",
                refusal(json.replaceFirst("\"firstSeen\": \"[^\"]*\"", "\"firstSeen\": \"yesterday\"")));
    }

    @Test
    void a_minimal_report_reads_as_one_with_nothing_in_it() {
        Report r = JsonReportReader.read(JsonValue.parse("{\"schema\": 1, \"findings\": []}"));
        assertTrue(r.groups().isEmpty());
        assertEquals(0, r.stats().findings());
        assertTrue(r.gc().forced() && r.gc().fullGcHappened() && !r.gc().explicitGcDisabled());
    }

    private static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> JsonReportReader.read(JsonValue.parse(json)))
                .getMessage();
    }

    private static List<String> keys(JsonValue object) {
        return new ArrayList<>(object.members().keySet());
    }
}
