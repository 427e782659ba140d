package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.UnnamedApis;
import dev.lapse.it.support.ForkedJvm;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Add/remove pairs outside the name families, and such adds returning the handle that undoes them, recognised from
 * their shapes and from what the add does with its argument; the application's own container, a builder with add and
 * remove methods, and handles that were closed stay quiet.
 */
class UnnamedApisIT {
    private static final String S = "dev.lapse.it.scenario.UnnamedApis$";
    private static ForkedJvm.Result result;
    private static final Map<String, JsonValue> byOwner = new HashMap<>();

    @BeforeAll
    static void run() {
        result = ForkedJvm.main(UnnamedApis.class).run().assertSuccess();
        for (JsonValue f : result.findings()) {
            byOwner.put(f.get("owner.class").string(), f);
        }
    }

    private static JsonValue finding(String owner, String method) {
        return finding(owner, method, "remove-call");
    }

    private static JsonValue finding(String owner, String method, String fix) {
        JsonValue f = byOwner.get(S + owner);
        assertNotNull(f, "no finding for " + owner + "\n" + result.text());
        assertEquals(1, f.get("count").number(), result.text());
        assertEquals(method, f.get("registration.method").string(), result.text());
        assertEquals("lifecycle-end", f.get("signal").string(), result.text());
        assertEquals(fix, f.get("recommendation.kind").string(), result.text());
        return f;
    }

    private static String code(JsonValue f) {
        return f.get("recommendation.code").string();
    }

    @Test
    void one_group_per_ended_owner_and_nothing_else() {
        assertEquals(5, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());
        assertTrue(result.stdout.contains("unnamed done"), result.stdout);
    }

    @Test
    void close_hook_named_outside_the_families() {
        JsonValue f = finding("Client", S + "Context#addCloseHook");
        assertEquals("self", f.get("owner.relation").string());
        assertTrue(code(f).contains(".removeCloseHook(this);"), code(f));
    }

    @Test
    void bare_add_and_remove_of_a_close_future() {
        JsonValue f = finding("NetClient", S + "CloseFuture#add");
        assertTrue(code(f).contains(".remove(this);"), code(f));
    }

    @Test
    void lambda_sink_kept_in_an_array() {
        JsonValue f = finding("LogView", S + "Bus#addSink");
        assertEquals("captured", f.get("owner.relation").string());
        assertTrue(code(f).contains(".removeSink(listener);"), code(f));
    }

    @Test
    void an_add_returning_the_handle_that_undoes_it() {
        JsonValue f = finding("FileView", S + "Watchers#addWatcher", "close-handle");
        assertTrue(code(f).contains("registration.close();"), code(f));
        assertTrue(code(f).contains("private UnnamedApis.Watch registration;"), code(f));
    }

    @Test
    void an_add_returning_a_lambda_handle() {
        JsonValue f = finding("ProbeView", S + "Watchers#addProbe", "close-handle");
        assertTrue(code(f).contains("registration.close();"), code(f));
    }

    @Test
    void containers_and_builders_are_no_registrations() {
        assertTrue(!byOwner.containsKey(S + "Worker"), result.text());
    }
}
