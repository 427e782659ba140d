package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Futures;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependent actions of a {@code CompletableFuture}: an action still waiting on a pending future when its owner
 * closed is reported with the chain and the weak callback to use; a future that completed, one already complete, a
 * weak callback the owner keeps and an open owner are not.
 */
class FuturesIT {
    private static final String S = Futures.class.getName() + "$";
    private static ForkedJvm.Result result;
    private static FindingsByOwner findings;

    @BeforeAll
    static void run() {
        result = ForkedJvm.withLibraries(Futures.class, "lapse-weak-", "guava-", "failureaccess-")
                .run()
                .assertSuccess();
        findings = new FindingsByOwner(result, S);
    }

    private static JsonValue finding(String owner, String method) {
        return finding(
                owner,
                "java.util.concurrent.CompletableFuture",
                "java.util.concurrent.CompletableFuture#" + method,
                "stack");
    }

    private static JsonValue finding(String owner, String subject, String method, String firstField) {
        JsonValue f = findings.of(owner, method);
        assertEquals("lifecycle-end", f.get("signal").string(), result.text());
        assertEquals(subject, f.get("subject.class").string());
        assertEquals("captured", f.get("owner.relation").string());
        assertEquals(
                S + owner, f.get("registration.site").list().get(0).get("class").string(), result.text());
        List<JsonValue> chain = f.get("chain").list();
        assertEquals(firstField, chain.get(0).get("field").string(), result.text());
        assertEquals(S + owner, chain.get(chain.size() - 1).get("to").string(), result.text());
        String code = f.get("recommendation.code").string();
        assertEquals("weak-wrapper", f.get("recommendation.kind").string(), code);
        assertTrue(code.contains("WeakListener.of("), code);
        assertTrue(
                code.contains("// Or, when Futures." + owner + " made the future itself, complete it in Futures."
                        + owner + ".close(): a completed future lets go of its actions."),
                code);
        return f;
    }

    @Test
    void only_the_actions_on_the_pending_futures_are_reported() {
        assertEquals(4, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());
    }

    @Test
    void when_complete_on_a_pending_future() {
        String code = code(finding("LeakingSaver", "whenComplete"));
        assertTrue(code.contains("Futures.SHUTDOWN.whenComplete(WeakListener.of(BiConsumer.class, listener));"), code);
    }

    @Test
    void then_accept_async_on_a_pending_future() {
        String code = code(finding("LeakingConsumer", "thenAcceptAsync"));
        assertTrue(code.contains("Futures.SHUTDOWN.thenAcceptAsync(WeakListener.of(Consumer.class, listener));"), code);
    }

    @Test
    void a_listener_on_a_guava_future_never_set() {
        JsonValue f = finding(
                "GuavaListener",
                "com.google.common.util.concurrent.SettableFuture",
                "com.google.common.util.concurrent.AbstractFuture$TrustedFuture#addListener",
                "listeners");
        assertTrue(code(f).contains(".addListener(WeakListener.of(Runnable.class, listener), "), code(f));
    }

    @Test
    void a_callback_through_guava_futures_add_callback_is_owned_by_the_component_not_guava_s_wrapper() {
        JsonValue f = findings.of("GuavaCallback");
        assertNotNull(f, "no finding for GuavaCallback\n" + result.text());
        assertEquals(1, f.get("count").number(), result.text());
        assertEquals("lifecycle-end", f.get("signal").string(), result.text());
        assertEquals(
                "com.google.common.util.concurrent.Futures#addCallback",
                f.get("registration.method").string(),
                result.text());
        assertEquals(
                "com.google.common.util.concurrent.SettableFuture",
                f.get("subject.class").string());
        assertEquals("enclosing-instance", f.get("owner.relation").string(), result.text());
        assertEquals(
                S + "GuavaCallback",
                f.get("registration.site").list().get(0).get("class").string(),
                result.text());
        List<JsonValue> chain = f.get("chain").list();
        assertEquals("listeners", chain.get(0).get("field").string(), result.text());
        assertTrue(
                result.text().contains("CallbackListener"), "the chain goes through Guava's wrapper\n" + result.text());
        assertEquals(S + "GuavaCallback", chain.get(chain.size() - 1).get("to").string(), result.text());
        String code = code(f);
        assertEquals("weak-wrapper", f.get("recommendation.kind").string(), code);
        assertTrue(
                code.contains(
                        "Futures.addCallback(Futures.GUAVA_SHUTDOWN, WeakListener.of(FutureCallback.class, listener),"
                                + " /* same Executor as when added */);"),
                code);
        assertTrue(
                code.contains("// Or, when Futures.GuavaCallback made the future itself, complete it in"
                        + " Futures.GuavaCallback.close(): a completed future lets go of its actions."),
                code);
    }

    private static String code(JsonValue f) {
        return f.get("recommendation.code").string();
    }
}
