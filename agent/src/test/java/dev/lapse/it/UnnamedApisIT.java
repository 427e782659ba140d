package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.UnnamedApis;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
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
    private static FindingsByOwner findings;

    @BeforeAll
    static void run() {
        result = ForkedJvm.main(UnnamedApis.class).run().assertSuccess();
        findings = new FindingsByOwner(result, S);
    }

    private static JsonValue finding(String owner, String method) {
        return finding(owner, method, "remove-call");
    }

    private static JsonValue finding(String owner, String method, String fix) {
        JsonValue f = findings.of(owner, method);
        assertEquals("lifecycle-end", f.get("signal").string(), result.text());
        assertEquals(fix, f.get("recommendation.kind").string(), result.text());
        return f;
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
        assertTrue(FindingsByOwner.code(f).contains(".removeCloseHook(this);"), FindingsByOwner.code(f));
    }

    @Test
    void bare_add_and_remove_of_a_close_future() {
        JsonValue f = finding("NetClient", S + "CloseFuture#add");
        assertTrue(FindingsByOwner.code(f).contains(".remove(this);"), FindingsByOwner.code(f));
    }

    @Test
    void lambda_sink_kept_in_an_array() {
        JsonValue f = finding("LogView", S + "Bus#addSink");
        assertEquals("captured", f.get("owner.relation").string());
        assertTrue(FindingsByOwner.code(f).contains(".removeSink(listener);"), FindingsByOwner.code(f));
    }

    @Test
    void an_add_returning_the_handle_that_undoes_it() {
        JsonValue f = finding("FileView", S + "Watchers#addWatcher", "close-handle");
        assertTrue(FindingsByOwner.code(f).contains("registration.close();"), FindingsByOwner.code(f));
        assertTrue(
                FindingsByOwner.code(f).contains("private UnnamedApis.Watch registration;"), FindingsByOwner.code(f));
    }

    @Test
    void an_add_returning_a_lambda_handle() {
        JsonValue f = finding("ProbeView", S + "Watchers#addProbe", "close-handle");
        assertTrue(FindingsByOwner.code(f).contains("registration.close();"), FindingsByOwner.code(f));
    }

    @Test
    void containers_and_builders_are_no_registrations() {
        assertTrue(!findings.has("Worker"), result.text());
    }
}
