package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.ChainedHandles;
import dev.lapse.it.scenario.Handles;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An add method that returns a handle ({@code AutoCloseable}, or a type with {@code cancel()}, {@code dispose()},
 * ...) registers something the handle undoes: a handle that is closed undoes it, one dropped before its owner ends
 * is reported with the handle to keep and close. A handle's close is a claim the check verifies, on every subject its
 * add subscribed to inside its own call (an operator chain's sources): one still holding the listener is reported.
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

    @Test
    void a_handle_whose_close_left_its_chain_subscribed_is_reported_on_the_source_that_still_holds_it() {
        ForkedJvm.Result r = ForkedJvm.main(ChainedHandles.class).run().assertSuccess();
        List<JsonValue> findings = r.findings();
        String text = r.text();
        assertEquals(1, findings.size(), text); // the operators the source still reaches are its chain, not more
        JsonValue f = findings.get(0);
        assertEquals(ChainedHandles.Screen.class.getName(), f.get("owner.class").string(), text);
        assertEquals("ineffective-removal", f.get("signal").string(), text);
        assertEquals(
                ChainedHandles.Source.class.getName(), f.get("subject.class").string(), text);
        List<JsonValue> chain = f.get("chain").list();
        assertEquals("consumers", chain.get(0).get("field").string(), text);
        for (Class<?> operator : List.of(ChainedHandles.Prefixed.class, ChainedHandles.Trimmed.class)) {
            assertTrue(
                    chain.stream().anyMatch(s -> s.get("to").string().startsWith(operator.getName() + "$$Lambda")),
                    "the chain as it stands, through both operators' inner consumers\n" + text);
        }
        assertEquals(
                ChainedHandles.Screen.class.getName(),
                chain.get(chain.size() - 1).get("to").string(),
                text);
        assertTrue(
                text.contains("ChainedHandles.Screen is kept alive by ChainedHandles.Source after it was called"
                        + " cancel(…) at ChainedHandles.java:"),
                text);
        assertEquals("close-handle", f.get("recommendation.kind").string(), text);
        String code = f.get("recommendation.code").string();
        assertTrue(
                code.contains("// ChainedHandles.Subscription.cancel() returned, yet ChainedHandles.Source still"
                        + " holds the listener in:"),
                code);
    }

    @Test
    void the_same_chain_whose_handle_cancels_its_upstream_reports_nothing() {
        ForkedJvm.Result r =
                ForkedJvm.main(ChainedHandles.class).args("fixed").run().assertSuccess();
        assertEquals(List.of(), r.findings(), r.text());
        assertEquals(1, r.json().get("stats.removed").number(), r.text()); // the closed screen's subscription
    }
}
