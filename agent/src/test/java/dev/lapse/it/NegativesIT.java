package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Negatives;
import dev.lapse.it.scenario.OwnSubject;
import dev.lapse.it.scenario.RecursionGuard;
import dev.lapse.it.scenario.SubjectPart;
import dev.lapse.it.support.ForkedJvm;
import org.junit.jupiter.api.Test;

/**
 * No finding when the listener was removed, the owner was collected, the owner is alive without an end, the
 * subject itself is unreachable, or the owner registered again after its end; nor when the subject is reachable only
 * through the owner (a JVM-wide context listening to its own configuration), nor when the subject holds the owner
 * in a field of its own (a document's layout listening to the document), nor on an application's static pair whose
 * store no static field reaches (a toString recursion guard's set per thread).
 */
class NegativesIT {
    @Test
    void nothing_that_is_not_a_lapsed_listener_is_reported() {
        ForkedJvm.Result r = ForkedJvm.main(Negatives.class).run().assertSuccess();
        assertTrue(r.stdout.contains("weakly held view collected: true"), r.stdout);
        assertEquals(0, r.findings().size(), r.text());
        JsonValue stats = r.json().get("stats");
        assertEquals(8, stats.get("registrationsSeen").number(), r.text());
        assertEquals(2, stats.get("removed").number(), r.text());
        assertEquals(0, stats.get("findings").number());
        assertTrue(r.text().contains("No lapsed listeners found."), r.text());
    }

    @Test
    void a_jvm_wide_context_listening_to_its_own_configuration_keeps_nothing_alive() {
        ForkedJvm.Result r = ForkedJvm.main(OwnSubject.class).run().assertSuccess();
        assertEquals(1, r.findings().size(), r.text());
        JsonValue f = r.findings().get(0);
        assertEquals("lifecycle-end", f.get("signal").string(), r.text());
        assertTrue(f.get("owner.class").string().endsWith("OwnSubject$Service"), r.text());
    }

    @Test
    void a_part_the_subject_holds_in_its_own_field_is_kept_by_that_field_not_by_its_listener() {
        ForkedJvm.Result r = ForkedJvm.main(SubjectPart.class).run().assertSuccess();
        assertEquals(1, r.findings().size(), r.text());
        JsonValue f = r.findings().get(0);
        assertEquals("lifecycle-end", f.get("signal").string(), r.text());
        assertTrue(f.get("owner.class").string().endsWith("SubjectPart$Ruler"), r.text());
    }

    @Test
    void a_static_pair_whose_store_no_walk_reaches_is_confirmed_only_for_the_jdk() {
        ForkedJvm.Result r = ForkedJvm.main(RecursionGuard.class).run().assertSuccess();
        assertEquals(2, r.json().get("stats").get("registrationsSeen").number(), r.text());
        assertEquals(0, r.findings().size(), r.text());
    }
}
