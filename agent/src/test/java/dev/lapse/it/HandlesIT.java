package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Handles;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An add method that returns a handle ({@code AutoCloseable}, or a type with {@code cancel()}, {@code dispose()},
 * ...) registers something the handle undoes: a handle that is closed undoes it, one dropped before its owner ends
 * is reported with the handle to keep and close.
 */
class HandlesIT {
    @Test
    void a_dropped_handle_is_reported_and_closed_handles_are_not() {
        ForkedJvm.Result r = ForkedJvm.main(Handles.class).run().assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(1, findings.size(), r.text());
        JsonValue f = findings.get(0);
        assertTrue(f.get("owner.class").string().endsWith("Handles$DroppingTicker"), r.text());
        assertEquals(
                Handles.Subscription.class.getName(),
                f.get("registration.handle.type").string());
        assertEquals("cancel", f.get("registration.handle.close").string());
        assertTrue(f.get("registration.handle.dropped").bool(), r.text());
        assertTrue(
                f.get("owner.explanation")
                        .string()
                        .endsWith("; the Handles.Subscription that subscribe(…)"
                                + " returned was dropped, so nothing can undo the registration"),
                r.text());
        assertEquals("close-handle", f.get("recommendation.kind").string());
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains("private Handles.Subscription registration;"), code);
        assertTrue(code.contains("// in Handles.DroppingTicker.stop():\nregistration.cancel();"), code);
        assertEquals(1, r.json().get("stats.removed").number(), r.text()); // the cancelled one; a lambda is not seen
    }
}
