package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.CandidateOwners;
import dev.lapse.it.scenario.CapturedComponents;
import dev.lapse.it.scenario.SwingTeardown;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Owners a listener keeps through what it captured: a child component leads to the application ancestor; of several
 * captured objects, the one whose life ended; a binder ends with the registry it was bound to.
 */
class OwnerResolutionIT {
    private static final String S = "dev.lapse.it.scenario.CapturedComponents$";
    private static final String C = "dev.lapse.it.scenario.CandidateOwners$";

    @Test
    void a_captured_label_is_owned_by_the_panel_that_was_torn_down() {
        ForkedJvm.Result result = ForkedJvm.main(CapturedComponents.class).run().assertSuccess();
        assertTrue(result.stdout.contains("components done"), result.stdout);
        assertEquals(1, result.findings().size(), result.text());
        JsonValue f = result.findings().get(0);
        assertEquals(S + "StatusPanel", f.get("owner.class").string(), result.text());
        assertEquals("captured", f.get("owner.relation").string(), result.text());
        assertEquals("lifecycle-end", f.get("signal").string(), result.text());
        List<JsonValue> chain = f.get("chain").list();
        assertEquals("parent", chain.get(chain.size() - 1).get("field").string(), result.text());
        assertEquals(S + "StatusPanel", chain.get(chain.size() - 1).get("to").string(), result.text());
    }

    @Test
    void of_several_captured_objects_the_one_that_ended_is_the_owner_and_a_binder_ends_with_its_registry() {
        ForkedJvm.Result result = ForkedJvm.main(CandidateOwners.class).run().assertSuccess();
        assertTrue(result.stdout.contains("candidates done"), result.stdout);
        // quiet: the lambda that captured the service only, the wiring removed, the binder of the open registry,
        // the binder closed before its registry
        assertEquals(2, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());

        JsonValue panel = finding(result, "StatusPanel");
        assertEquals("captured", panel.get("owner.relation").string(), result.text());
        assertEquals("lifecycle-end", panel.get("signal").string(), result.text());
        assertEquals(C + "StatusPanel#dispose", panel.get("endOfLife.method").string(), result.text());
        List<JsonValue> chain = panel.get("chain").list();
        assertEquals(C + "StatusPanel", chain.get(chain.size() - 1).get("to").string(), result.text());

        JsonValue binder = finding(result, "GcBinder");
        assertEquals("lifecycle-end", binder.get("signal").string(), result.text());
        assertEquals(C + "MetricsRegistry#close", binder.get("endOfLife.method").string(), result.text());
        assertEquals(C + "MetricsRegistry", binder.get("endOfLife.reason").string(), result.text());
        assertTrue(result.text().contains("bound to CandidateOwners.MetricsRegistry, which was closed"), result.text());
    }

    @Test
    void a_row_whose_removeNotify_left_it_on_the_model_is_reported_and_a_row_added_back_is_not() {
        ForkedJvm.Result result = ForkedJvm.main(SwingTeardown.class).run().assertSuccess();
        assertTrue(result.stdout.contains("swing teardown done, moved displayable true"), result.stdout);
        assertEquals(1, result.findings().size(), result.text());
        JsonValue f = result.findings().get(0);
        String row = "dev.lapse.it.scenario.SwingTeardown$RowPanel";
        assertEquals(row, f.get("owner.class").string(), result.text());
        assertEquals("lifecycle-end", f.get("signal").string(), result.text());
        assertEquals(row + "#removeNotify", f.get("endOfLife.method").string(), result.text());
        assertEquals("remove-call", f.get("recommendation.kind").string(), result.text());
    }

    private static JsonValue finding(ForkedJvm.Result result, String owner) {
        for (JsonValue f : result.findings()) {
            if (f.get("owner.class").string().equals(C + owner)) {
                return f;
            }
        }
        assertNotNull(null, "no finding for " + owner + "\n" + result.text());
        return null;
    }
}
