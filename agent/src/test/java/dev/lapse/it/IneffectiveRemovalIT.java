package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.IneffectiveRemoval;
import dev.lapse.it.scenario.SecondStructure;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A remove call that removed nothing because it was given another instance of the registered listener's class is
 * a finding of its own, even for an owner the application still uses; a kept instance, a defensive removal of
 * another kind of listener, and a second instance removed while the first stays are not. A removal that matched is
 * verified at the check: reported when the subject still holds the listener in a second structure; not when it let
 * go, when the owner alone holds the subject, or when the listener was registered again.
 */
class IneffectiveRemovalIT {
    @Test
    void a_second_method_reference_removes_nothing_and_is_reported_where_the_remove_was_called() {
        ForkedJvm.Result r = ForkedJvm.main(IneffectiveRemoval.class).run().assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(1, findings.size(), r.text());
        JsonValue f = findings.get(0);
        assertEquals("ineffective-removal", f.get("signal").string());
        assertTrue(f.get("owner.class").string().endsWith("IneffectiveRemoval$MethodRefTwice"), r.text());
        String text = r.text();
        assertTrue(
                text.contains("IneffectiveRemoval.MethodRefTwice is kept alive by Subjects.Model after it was"
                        + " called removeChangeListener(…) at IneffectiveRemoval.java:"),
                text);
        assertTrue(text.contains("with another instance of the listener, which removed nothing"), text);
        assertEquals("remove-call", f.get("recommendation.kind").string());
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains("a second lambda or `this::method` is a different object and removes nothing"), code);
        assertTrue(code.contains("// in IneffectiveRemoval.MethodRefTwice.stop():"), code);
    }

    @Test
    void a_removal_that_left_the_listener_in_a_second_structure_is_reported_with_that_structure() {
        ForkedJvm.Result r = ForkedJvm.main(SecondStructure.class).run().assertSuccess();
        List<JsonValue> findings = r.findings();
        String text = r.text();
        assertEquals(2, findings.size(), text);
        for (JsonValue f : findings) {
            assertEquals("ineffective-removal", f.get("signal").string(), text);
            assertEquals("remove-call", f.get("recommendation.kind").string(), text);
        }
        JsonValue view = owned(findings, "SecondStructure$View");
        JsonValue panel = owned(findings, "SecondStructure$Panel");
        assertTrue(
                text.contains("SecondStructure.View is kept alive by SecondStructure.StartedBus after it was called"
                        + " removeChangeListener(…) at SecondStructure.java:"),
                text);
        assertTrue(text.contains("which returned and left the listener in StartedBus.started"), text);
        assertTrue(
                panel.get("recommendation.code").string().contains("Outer.inner → Model.listeners"),
                panel.get("recommendation.code").string());
        assertTrue(
                view.get("recommendation.code").string().contains("StartedBus.removeChangeListener must take it out"),
                view.get("recommendation.code").string());
    }

    private static JsonValue owned(List<JsonValue> findings, String ownerSuffix) {
        for (JsonValue f : findings) {
            if (f.get("owner.class").string().endsWith(ownerSuffix)) {
                return f;
            }
        }
        throw new AssertionError("no finding owned by " + ownerSuffix);
    }
}
