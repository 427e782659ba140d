package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.LostCallbacks;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lost callbacks ({@code lost-listener}) on task systems: a callback a weak-holding task system was handed and that
 * the first collection took while its owner lives and the system still had it pending, with where it was handed
 * over and the field to keep it in; and lapse-weak's wrapper around an inline lambda on a pending future. Not: a
 * callback its owner keeps, one whose task ran, one of a closed owner, a one-shot task whose wrapper ran.
 */
class LostCallbacksIT {
    private static final String S = LostCallbacks.class.getName() + "$";
    private static ForkedJvm.Result result;
    private static FindingsByOwner findings;

    @BeforeAll
    static void run() {
        result = ForkedJvm.withLibraries(LostCallbacks.class, "lapse-weak-")
                .run()
                .assertSuccess();
        findings = new FindingsByOwner(result, S);
    }

    private static JsonValue lost(String owner, String relation) {
        JsonValue f = findings.of(owner);
        assertEquals("lost-listener", f.get("signal").string(), result.text());
        assertEquals(relation, f.get("owner.relation").string(), result.text());
        assertEquals("keep-delegate", f.get("recommendation.kind").string(), result.text());
        return f;
    }

    @Test
    void only_the_two_callbacks_lost_while_pending_are_reported() {
        assertEquals(2, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());
    }

    @Test
    void a_lambda_handed_to_a_task_system_that_holds_it_weakly() {
        JsonValue f = lost("Forgetful", "weakly-held");
        assertEquals(S + "WeakTasks", f.get("subject.class").string(), result.text());
        assertEquals(S + "WeakTasks#addCallback", f.get("registration.method").string(), result.text());
        assertEquals(
                S + "Forgetful",
                f.get("registration.site").list().get(0).get("class").string(),
                "where it was handed over\n" + result.text());
        assertTrue(
                f.get("summary")
                        .string()
                        .startsWith("LostCallbacks.Forgetful lost its callback on LostCallbacks.WeakTasks:"
                                + " LostCallbacks.WeakTasks held it only weakly, and it was collected while still"
                                + " pending"),
                result.text());
        List<JsonValue> chain = f.get("chain").list();
        assertEquals("pending", chain.get(0).get("field").string(), result.text());
        JsonValue last = chain.get(chain.size() - 1);
        assertEquals("java.lang.ref.WeakReference", last.get("from").string(), result.text());
        assertEquals("referent", last.get("field").string(), result.text());
        assertEquals("collected", last.get("role").string(), result.text());
        assertTrue(last.get("to").string().startsWith(S + "Forgetful$$Lambda"), result.text());
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains("private final Runnable callback = /* the callback handed over at "), code);
        assertTrue(code.contains("LostCallbacks.TASKS.addCallback(callback);"), code);
    }

    @Test
    void lapse_weak_s_wrapper_around_an_inline_lambda_on_a_pending_future() {
        JsonValue f = lost("InlineWeakSaver", "weak-delegate");
        assertEquals(
                "java.util.concurrent.CompletableFuture", f.get("subject.class").string(), result.text());
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains("private final BiConsumer listener = "), code);
        assertTrue(
                code.contains("LostCallbacks.SHUTDOWN.whenComplete(WeakListener.of(BiConsumer.class, listener));"),
                code);
    }
}
