package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Teardown;
import dev.lapse.it.scenario.TeardownAtExit;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An owner that ended inside its subject's own teardown (a container closing destroys its beans), or after its
 * subject's own end, is not the owner's leak; one that ended on its own while its subject lives on is. An owner whose
 * teardown is still running on another thread when Lapse checks (the JVM exits in the middle of it) is not judged;
 * the same teardown finished is.
 */
class TeardownIT {
    @Test
    void owners_ended_by_their_subjects_teardown_are_not_reported_and_the_others_are() {
        ForkedJvm.Result r = ForkedJvm.main(Teardown.class).run().assertSuccess();
        List<JsonValue> findings = r.findings();
        String text = r.text();
        assertEquals(2, findings.size(), text);
        for (JsonValue f : findings) {
            assertEquals("lifecycle-end", f.get("signal").string(), text);
        }
        assertTrue(
                findings.stream()
                        .anyMatch(f -> f.get("owner.class").string().endsWith("Teardown$Bean")
                                && f.get("subject.class").string().endsWith("Teardown$Container")),
                text);
        assertTrue(
                findings.stream()
                        .anyMatch(f -> f.get("owner.class").string().endsWith("Teardown$Service")
                                && f.get("subject.class").string().endsWith("Subjects$Model")),
                text);
        for (JsonValue f : findings) {
            assertEquals(1, f.get("count").number(), "the closed container's two beans are not counted in: " + text);
        }
    }

    @Test
    void owners_whose_teardown_still_runs_on_another_thread_at_the_exit_are_not_judged() {
        ForkedJvm.Result closing =
                ForkedJvm.main(TeardownAtExit.class).args("closing").run().assertSuccess();
        assertEquals(0, closing.findings().size(), closing.text());
        assertEquals(3, closing.json().get("stats").get("registrationsSeen").number(), closing.text());
        assertTrue(closing.text().contains("was still running (thread closer)"), closing.text());

        ForkedJvm.Result removed = ForkedJvm.main(TeardownAtExit.class)
                .args("removed-while-closing")
                .run()
                .assertSuccess();
        assertEquals(0, removed.findings().size(), removed.text());
        assertTrue(removed.text().contains("was still running (thread closer)"), removed.text());

        ForkedJvm.Result second =
                ForkedJvm.main(TeardownAtExit.class).args("second-close").run().assertSuccess();
        assertEquals(0, second.findings().size(), second.text());
        assertTrue(second.text().contains("(thread first-close)"), second.text());
    }

    @Test
    void the_same_teardown_finished_before_the_exit_is_judged() {
        ForkedJvm.Result r =
                ForkedJvm.main(TeardownAtExit.class).args("done").run().assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(2, findings.size(), r.text());
        for (JsonValue f : findings) {
            assertEquals("lifecycle-end", f.get("signal").string(), r.text());
            assertTrue(f.get("subject.class").string().endsWith("TeardownAtExit$Events"), r.text());
        }
        assertTrue(
                findings.stream()
                        .anyMatch(f -> f.get("owner.class").string().endsWith("TeardownAtExit$Connector")
                                && f.get("count").number() == 2),
                r.text());
        assertTrue(
                findings.stream().anyMatch(f -> f.get("owner.class").string().endsWith("TeardownAtExit$Service")),
                r.text());
        assertTrue(!r.text().contains("still running"), r.text());
    }
}
