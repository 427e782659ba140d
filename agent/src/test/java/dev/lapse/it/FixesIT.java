package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.FixExpressions;
import dev.lapse.it.support.ForkedJvm;
import org.junit.jupiter.api.Test;

/** Fixes name code that exists at the site: a singleton's static field path; a subject nothing holds, said so. */
class FixesIT {
    private static final String S = "dev.lapse.it.scenario.FixExpressions$";

    @Test
    void the_remove_call_uses_the_static_path_of_a_singleton_and_says_when_no_field_holds_the_subject() {
        ForkedJvm.Result result = ForkedJvm.main(FixExpressions.class).run().assertSuccess();
        assertTrue(result.stdout.contains("fix expressions done"), result.stdout);
        assertEquals(2, result.findings().size(), result.text());

        JsonValue clock = finding(result, "Clock");
        assertEquals("remove-call", clock.get("recommendation.kind").string(), result.text());
        assertTrue(
                clock.get("recommendation.code").string().endsWith("AppModel.INSTANCE.removeListener(listener);"),
                result.text());

        JsonValue ticker = finding(result, "Ticker");
        String code = ticker.get("recommendation.code").string();
        assertTrue(
                code.startsWith("// feed: the FixExpressions.Feed the listener was registered on; keep it in a"
                        + " field of FixExpressions.Ticker"),
                result.text());
        assertTrue(code.endsWith("feed.removeFeedListener(listener);"), result.text());
        assertTrue(
                ticker.get("recommendation.summary")
                        .string()
                        .contains("No field of FixExpressions.Ticker nor a"
                                + " static field holds the FixExpressions.Feed"),
                result.text());
    }

    private static JsonValue finding(ForkedJvm.Result result, String owner) {
        for (JsonValue f : result.findings()) {
            if (f.get("owner.class").string().equals(S + owner)) {
                return f;
            }
        }
        assertNotNull(null, "no finding for " + owner + "\n" + result.text());
        return null;
    }
}
