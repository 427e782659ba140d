package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.CandidateOwners;
import dev.lapse.it.scenario.CapturedComponents;
import dev.lapse.it.scenario.RegisteringObjects;
import dev.lapse.it.scenario.SwingTeardown;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Owners a listener keeps through what it captured: a child component leads to the application ancestor; of several
 * captured objects, the one whose life ended; a binder ends with the registry it was bound to; a listener that
 * captured nothing of the application, the object whose code registered it.
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

    @Test
    void a_listener_that_captured_nothing_is_owned_by_the_object_that_registered_it_and_ended() {
        ForkedJvm.Result result = ForkedJvm.main(RegisteringObjects.class).run().assertSuccess();
        // the hand-over holds the caller weakly: a registration that threw before the add leaves nothing alive
        assertTrue(
                result.stdout.contains("registering objects done, broken opened false, collected true"), result.stdout);
        // quiet: the proxy removed at the end, the event log that holds nothing of its panel, the broken panel
        assertEquals(2, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());
        FindingsByOwner byOwner = new FindingsByOwner(result, "dev.lapse.it.scenario.RegisteringObjects$");

        JsonValue editor = byOwner.of("EditorPanel", "java.beans.PropertyChangeSupport#addPropertyChangeListener");
        assertEquals("registered-by", editor.get("owner.relation").string(), result.text());
        assertEquals("lifecycle-end", editor.get("signal").string(), result.text());
        byOwner.registeredByOwner(editor, "EditorPanel");
        List<JsonValue> chain = editor.get("chain").list();
        assertEquals("target", chain.get(chain.size() - 1).get("field").string(), result.text());
        assertTrue(result.text().contains("EditorPanel registered"), result.text());
        assertEquals("remove-call", editor.get("recommendation.kind").string(), result.text());

        JsonValue tool = byOwner.of("ToolPanel");
        assertEquals("registered-by", tool.get("owner.relation").string(), result.text());
        assertEquals(
                "dev.lapse.it.scenario.RegisteringObjects$ToolPanel#dispose",
                tool.get("endOfLife.method").string(),
                result.text());
        byOwner.registeredByOwner(tool, "ToolPanel");
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
