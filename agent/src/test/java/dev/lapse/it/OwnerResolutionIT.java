package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.CapturedComponents;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Owners a lambda keeps through what it captured: a child component leads to the application ancestor. */
class OwnerResolutionIT {
    private static final String S = "dev.lapse.it.scenario.CapturedComponents$";

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
}
