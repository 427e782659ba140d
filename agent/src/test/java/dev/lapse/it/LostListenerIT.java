package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.LostListeners;
import dev.lapse.it.scenario.Subjects;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The {@code lost-listener} signal with Lapse's own weak wrapper, {@code dev.lapse.weak.WeakListener}, from the
 * {@code lapse-weak} jar: a wrapper whose delegate nothing else held was collected at the first collection while
 * the owner it belonged to lives on with no end of life, so its callback silently stopped. Each case runs in its
 * own JVM with the real agent; the scenario checks its own premise (the callback stopped, or still runs) and the
 * report must have exactly the findings it names. Only real collections (the scenario's and the agent's at exit)
 * decide what is reachable.
 */
class LostListenerIT {
    @Test
    void a_weak_wrapper_whose_method_reference_nothing_else_held_is_a_lost_listener() {
        ForkedJvm.Result r = run("local");
        List<JsonValue> findings = r.findings();
        assertEquals(1, findings.size(), r.text());
        JsonValue f = findings.get(0);
        assertLost(f, LostListeners.LocalDashboard.class, r);
        List<JsonValue> chain = f.get("chain").list();
        assertEquals(3, chain.size(), r.text());
        assertEquals("(listeners)", chain.get(0).get("field").string(), r.text()); // still registered, holding nothing
        assertEquals("h.delegate", chain.get(1).get("field").string(), r.text());
        assertEquals("java.lang.ref.WeakReference", chain.get(1).get("to").string(), r.text());
        assertEquals("collected", chain.get(2).get("role").string(), r.text());
        String collected = chain.get(2).get("to").string();
        assertTrue(collected.startsWith(LostListeners.LocalDashboard.class.getName() + "$$Lambda"), r.text());
        assertEquals(0, r.json().get("stats.removed").number(), r.text());
    }

    @Test
    void a_self_removing_weak_wrapper_whose_lambda_nothing_else_held_is_still_a_lost_listener() {
        ForkedJvm.Result r = run("self-removing");
        List<JsonValue> findings = r.findings();
        assertEquals(1, findings.size(), r.text());
        JsonValue f = findings.get(0);
        assertLost(f, LostListeners.SelfRemovingDashboard.class, r);
        List<JsonValue> chain = f.get("chain").list();
        assertEquals(
                "(removed once its delegate was gone)",
                chain.get(0).get("field").string(),
                r.text());
        assertEquals("collected", chain.get(chain.size() - 1).get("role").string(), r.text());
        assertEquals(1, r.json().get("stats.removed").number(), r.text()); // the wrapper's own removal, seen
    }

    /**
     * The inline form the README warns against, {@code WeakListener.of(L.class, this::onChange)}: its delegate is
     * unreachable from the moment the wrapper is made, before the add method has even run. Whether or not a
     * collection clears it before the agent sees the registration, it is one finding, attributed to the class whose
     * code registered it.
     */
    @RepeatedTest(5)
    void a_weak_wrapper_of_an_inline_method_reference_is_a_lost_listener_every_time() {
        ForkedJvm.Result r = run("inline");
        List<JsonValue> findings = r.findings();
        assertEquals(1, findings.size(), r.text());
        assertLost(findings.get(0), LostListeners.InlineDashboard.class, r);
    }

    @Test
    void a_weak_wrapper_whose_delegate_the_owner_keeps_in_a_field_is_not_reported() {
        ForkedJvm.Result r = run("kept");
        assertEquals(0, r.findings().size(), r.text());
        assertEquals(1, r.json().get("stats.registrationsSeen").number(), r.text());
        assertEquals(0, r.json().get("stats.endOfLifeSignals").number(), r.text());
    }

    @Test
    void a_weak_wrapper_of_an_owner_that_was_disposed_is_not_reported() {
        ForkedJvm.Result r = run("disposed");
        assertEquals(0, r.findings().size(), r.text());
    }

    @Test
    void a_weak_wrapper_of_an_owner_that_was_collected_is_not_reported() {
        ForkedJvm.Result r = run("collected");
        assertEquals(0, r.findings().size(), r.text());
        assertEquals(2, r.json().get("stats.registrationsSeen").number(), r.text());
        assertEquals(0, r.json().get("stats.endOfLifeSignals").number(), r.text());
    }

    @Test
    void a_weak_wrapper_around_a_listener_that_is_its_own_owner_is_not_reported() {
        ForkedJvm.Result r = run("standalone");
        assertEquals(0, r.findings().size(), r.text());
        assertEquals(1, r.json().get("stats.registrationsSeen").number(), r.text());
        assertEquals(0, r.json().get("stats.endOfLifeSignals").number(), r.text());
    }

    private static ForkedJvm.Result run(String scenario) {
        return ForkedJvm.withLibraries(LostListeners.class, "lapse-weak-")
                .args(scenario)
                .run()
                .assertSuccess();
    }

    /** A lost-listener finding for {@code owner}'s lapse-weak wrapper on the scenario's model, and its fix. */
    private static void assertLost(JsonValue f, Class<?> owner, ForkedJvm.Result r) {
        assertEquals("lost-listener", f.get("signal").string(), r.text());
        assertEquals(owner.getName(), f.get("owner.class").string(), r.text());
        assertEquals("weak-delegate", f.get("owner.relation").string(), r.text());
        assertEquals(Subjects.Model.class.getName(), f.get("subject.class").string(), r.text());
        assertTrue(f.get("listener.class").string().contains("$Proxy"), r.text()); // the WeakListener proxy
        assertEquals(
                "dev.lapse.it.scenario.Subjects$Model#addChangeListener",
                f.get("registration.method").string(),
                r.text());
        assertTrue(
                f.get("summary")
                        .string()
                        .startsWith("LostListeners." + owner.getSimpleName()
                                + " lost its listener on Subjects.Model: the weak wrapper's delegate was collected"),
                r.text());
        assertEquals("keep-delegate", f.get("recommendation.kind").string(), r.text());
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains("private final Subjects.ChangeListener listener = "), code);
        // the subject as the owner's code reaches it, a static field here; unknown once the delegate went before
        // the registration returned (the inline case, when a collection came first), and then named by its type
        // and the remove action the wrapper can take itself off with once the owner is gone
        assertTrue(
                code.contains("LostListeners.MODEL.addChangeListener(WeakListener.of(Subjects.ChangeListener.class,"
                                + " listener, l -> LostListeners.MODEL.removeChangeListener(l)));")
                        || (owner == LostListeners.InlineDashboard.class
                                && code.contains(
                                        "model.addChangeListener("
                                                + "WeakListener.of(Subjects.ChangeListener.class, listener, l -> model.removeChangeListener(l)));")),
                code);
    }
}
