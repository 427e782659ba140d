package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.OwnerKinds;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each kind of owner, found with its relation, site, chain and fix (one forked JVM for all of them). */
class OwnerKindsIT {
    private static final String S = "dev.lapse.it.scenario.";
    private static ForkedJvm.Result result;
    private static FindingsByOwner findings;

    @BeforeAll
    static void run() {
        result = ForkedJvm.main(OwnerKinds.class).run().assertSuccess();
        findings = new FindingsByOwner(result, S + "OwnerKinds$");
    }

    private static JsonValue finding(String owner) {
        JsonValue f = findings.of(owner);
        assertEquals("lifecycle-end", f.get("signal").string());
        return f;
    }

    @Test
    void one_group_per_owner_and_nothing_else() {
        assertEquals(7, result.findings().size(), result.text());
        assertEquals(7, result.json().get("stats.findings").number());
        assertEquals(0, result.json().get("stats.hookErrors").number());
    }

    @Test
    void self_registration() {
        JsonValue f = finding("SelfView");
        assertEquals("self", f.get("owner.relation").string());
        assertEquals(S + "OwnerKinds$SelfView", f.get("listener.class").string());
        assertSite(f, "OwnerKinds$SelfView", "<init>");
        assertChain(f, S + "Subjects$Model", S + "OwnerKinds$SelfView");
        assertTrue(
                code(f).contains("SELF_MODEL.removeChangeListener(this);")
                        || code(f).contains("OwnerKinds.SELF_MODEL.removeChangeListener(this);"),
                code(f));
        assertEquals(
                S + "OwnerKinds$SelfView#dispose", f.get("recommendation.where").string());
    }

    @Test
    void named_inner_class() {
        JsonValue f = finding("InnerView");
        assertEquals("enclosing-instance", f.get("owner.relation").string());
        assertEquals(S + "OwnerKinds$InnerView$Handler", f.get("listener.class").string());
        assertChainEndsWith(f, "this$0");
        assertEquals(
                S + "OwnerKinds$InnerView#close", f.get("recommendation.where").string());
    }

    @Test
    void anonymous_inside_anonymous_resolves_to_the_outermost_instance() {
        JsonValue f = finding("NestedView");
        assertEquals("enclosing-instance", f.get("owner.relation").string());
        assertEquals(S + "OwnerKinds$NestedView$1$1", f.get("listener.class").string());
        List<JsonValue> chain = f.get("chain").list();
        assertEquals("this$0", chain.get(chain.size() - 1).get("field").string(), result.text());
        assertEquals("this$1", chain.get(chain.size() - 2).get("field").string(), result.text());
        assertEquals(
                S + "OwnerKinds$NestedView$1",
                chain.get(chain.size() - 2).get("to").string());
        assertSite(f, "OwnerKinds$NestedView$1", "run");
    }

    @Test
    void bound_method_reference() {
        JsonValue f = finding("MethodRefView");
        assertEquals("captured", f.get("owner.relation").string());
        assertTrue(
                f.get("listener.class").string().startsWith(S + "OwnerKinds$MethodRefView$$Lambda"),
                f.get("listener.class").string());
        String code = code(f);
        assertTrue(code.contains("keep the instance you register"), code);
        assertTrue(code.contains("removeChangeListener(listener);"), code);
    }

    @Test
    void lambda_capturing_this() {
        JsonValue f = finding("LambdaView");
        assertEquals("captured", f.get("owner.relation").string());
        assertChainEndsWith(f, "arg$1");
        assertTrue(result.text().contains("lambda in OwnerKinds.LambdaView"), result.text());
    }

    @Test
    void keyed_pair_keeps_the_key_in_the_fix() {
        JsonValue f = finding("TopicView");
        assertEquals(
                S + "Subjects$TopicBus#addListener",
                f.get("registration.method").string());
        String code = code(f);
        assertTrue(code.contains("removeListener(/* same String as when added */, listener);"), code);
    }

    @Test
    void add_without_remove_gets_a_weak_wrapper_and_a_strong_field() {
        JsonValue f = finding("ClockView");
        assertEquals("weak-wrapper", f.get("recommendation.kind").string());
        String code = code(f);
        assertTrue(code.contains("private final Subjects.TickListener listener"), code);
        assertTrue(code.contains("addTickListener(WeakListener.of(Subjects.TickListener.class, listener))"), code);
        assertTrue(f.get("recommendation.summary").string().contains("no remove method"));
    }

    private static String code(JsonValue f) {
        return f.get("recommendation.code").string();
    }

    private static void assertSite(JsonValue f, String simpleClass, String method) {
        List<JsonValue> frames = f.get("registration.site").list();
        assertFalse(frames.isEmpty());
        JsonValue top = frames.get(0);
        assertEquals(S + simpleClass, top.get("class").string(), result.text());
        assertEquals(method, top.get("method").string());
        assertEquals("OwnerKinds.java", top.get("file").string());
        assertTrue(top.get("line").number() > 0);
    }

    private static void assertChain(JsonValue f, String from, String to) {
        List<JsonValue> chain = f.get("chain").list();
        assertFalse(chain.isEmpty(), result.text());
        assertEquals(from, chain.get(0).get("from").string(), result.text());
        assertEquals(to, chain.get(chain.size() - 1).get("to").string(), result.text());
        for (int i = 1; i < chain.size(); i++) {
            assertEquals(
                    chain.get(i - 1).get("to").string(),
                    chain.get(i).get("from").string(),
                    "each step starts where the last ended\n" + result.text());
        }
    }

    private static void assertChainEndsWith(JsonValue f, String field) {
        assertChain(f, f.get("subject.class").string(), f.get("owner.class").string());
        List<JsonValue> chain = f.get("chain").list();
        assertEquals(field, chain.get(chain.size() - 1).get("field").string(), result.text());
    }
}
