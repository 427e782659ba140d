package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Teardown;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An owner that ended inside its subject's own teardown (a container closing destroys its beans), or after its
 * subject's own end, is not the owner's leak; one that ended on its own while its subject lives on is.
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
}
