package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Unjudged;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the user is told at exit: the summary, wherever the program sent its output, and why nothing was found. */
class SummaryIT {
    @Test
    void nothing_found_counts_what_is_unjudged_and_names_the_option_that_would_judge_it() {
        ForkedJvm.Result r =
                ForkedJvm.main(Unjudged.class).args("teardown").run().assertSuccess();
        assertEquals(0, r.findings().size(), r.text());
        JsonValue stats = r.json().get("stats");
        assertEquals(3, stats.get("unjudged").number(), r.text());
        assertEquals(0, stats.get("endedCollected").number(), r.text());
        List<String> summary = r.text().lines().skip(1).limit(2).toList();
        assertTrue(
                summary.get(0).startsWith("No lapsed listeners found. Registrations seen 3, tracked now 3,"), r.text());
        assertEquals(
                "Alive and unjudged 3, ended and collected 0. Most likely no owner's life ended as Lapse sees it:"
                        + " name the method that ends it with option lifecycle (e.g. lifecycle=teardown), or call"
                        + " Lapse.expectCollected(owner, why). See docs/troubleshooting.md#no-end-of-life-was-seen.",
                summary.get(1));
        assertTrue(r.stderr.contains("[lapse] " + summary.get(0) + "\n[lapse] " + summary.get(1)), r.stderr);

        ForkedJvm.Result named = ForkedJvm.main(Unjudged.class)
                .args("teardown")
                .agentOptions("lifecycle=teardown")
                .run()
                .assertSuccess();
        assertEquals(1, named.findings().size(), "the advice works: " + named.text());
        assertEquals(3, named.findings().get(0).get("count").number(), named.text());
    }

    @Test
    void owners_that_ended_and_were_collected_are_counted_and_mean_nothing_leaked() {
        ForkedJvm.Result r =
                ForkedJvm.main(Unjudged.class).args("collected").run().assertSuccess();
        assertEquals(0, r.findings().size(), r.text());
        assertEquals(3, r.json().get("stats.endedCollected").number(), r.text());
        assertEquals(0, r.json().get("stats.unjudged").number(), r.text());
        assertTrue(
                r.text()
                        .contains(
                                "\nAlive and unjudged 0, ended and collected 3. Most likely nothing leaked: every"
                                        + " owner that ended let go of its listeners or was collected. See docs/troubleshooting.md.\n"),
                r.text());
    }

    @Test
    void the_summary_at_exit_reaches_the_standard_error_the_jvm_started_with() {
        // Surefire's forked booter replaces System.err with a stream it stops reading before the shutdown hooks run,
        // and reads the process's own standard error to the end
        ForkedJvm.Result r =
                ForkedJvm.main(Unjudged.class).args("replaced-stderr").run().assertSuccess();
        assertTrue(r.stderr.contains("[lapse] No lapsed listeners found. Registrations seen 3,"), r.toString());
        assertTrue(r.stderr.contains("[lapse] Alive and unjudged 3,"), r.toString());
        assertTrue(r.stderr.contains(" Report: " + r.reportDir.resolve("lapse-report.txt")), r.toString());
    }
}
