package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Accumulation;
import dev.lapse.it.support.ForkedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One call site that keeps adding listeners to one subject is reported with the count and its growth, with no
 * owner signal; a start-up burst and a site that removes what it adds are not. A rules file can declare the
 * accumulation intended, and the report counts what it suppressed.
 */
class AccumulationIT {
    private static final String OPTIONS = "accumulation=50,accumulationWindow=2s";

    @Test
    void listeners_piling_up_from_one_site_are_reported_with_count_and_growth() {
        ForkedJvm.Result r =
                ForkedJvm.main(Accumulation.class).agentOptions(OPTIONS).run().assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(1, findings.size(), r.text());
        JsonValue f = findings.get(0);
        assertEquals("accumulation", f.get("signal").string());
        assertEquals(60, f.get("count").number(), r.text());
        assertTrue(f.get("owner.class").string().endsWith("Accumulation$Request"), r.text());
        assertTrue(
                f.get("summary")
                        .string()
                        .startsWith("Listeners pile up on Subjects.Model: 60 added by"
                                + " Accumulation.Request.handle (Accumulation.java:"),
                r.text());
        assertTrue(
                f.get("endOfLife.reason")
                        .string()
                        .matches("60 live registrations from one call site over \\d+ s,"
                                + " 30 of them in the last 2 s"),
                f.get("endOfLife.reason").string());
        assertEquals("register-once", f.get("recommendation.kind").string());
        String code = f.get("recommendation.code").string();
        assertTrue(
                code.contains("// each run of Accumulation.Request.handle() adds another listener to"
                        + " Accumulation.ORDERS, and none is removed:"),
                code);
        assertTrue(code.contains("Accumulation.ORDERS.removeChangeListener(previousListener);"), code);
        assertEquals(60, r.json().get("stats.findings").number());
    }

    @Test
    void a_rules_file_suppresses_an_intended_accumulation_and_counts_it(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("lapse.rules");
        Files.writeString(
                rules,
                "signal=accumulation caller=*Accumulation$Request#handle reason=requests are" + " replayed later\n");
        ForkedJvm.Result r = ForkedJvm.main(Accumulation.class)
                .agentOptions(OPTIONS + ",rules=" + rules)
                .run()
                .assertSuccess();
        assertEquals(0, r.findings().size(), r.text());
        assertEquals(60, r.json().get("stats.suppressed").number(), r.text());
        assertTrue(
                r.json()
                        .get("notes")
                        .toString()
                        .contains("60 finding(s) suppressed as known: requests are" + " replayed later (" + rules
                                + ":1)"),
                r.json().get("notes").toString());
    }
}
