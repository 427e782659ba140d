package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.IneffectiveRemoval;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A remove call that removed nothing because it was given another instance of the registered listener's class is
 * a finding of its own, even for an owner the application still uses; a kept instance, a defensive removal of
 * another kind of listener, and a second instance removed while the first stays are not.
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
}
