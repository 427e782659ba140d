package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.libraries.FxProperties;
import dev.lapse.it.scenario.libraries.GuavaEventBus;
import dev.lapse.it.scenario.libraries.RxSubscriptions;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Registration APIs of real libraries, as published on Maven Central, recognised with no configuration: each
 * with a leaking variant (reported, with the fix for that API) and correct ones (not reported).
 */
class LibrariesIT {
    @Test
    void guava_event_bus_register_without_unregister() {
        ForkedJvm.Result r = ForkedJvm.withLibraries(GuavaEventBus.class, "guava-", "failureaccess-")
                .run()
                .assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(1, findings.size(), r.text());
        JsonValue f = findings.get(0);
        assertTrue(f.get("owner.class").string().endsWith("GuavaEventBus$LeakyPanel"), r.text());
        assertEquals(
                "com.google.common.eventbus.EventBus", f.get("subject.class").string());
        assertEquals("self", f.get("owner.relation").string());
        assertEquals(
                "com.google.common.eventbus.EventBus#register",
                f.get("registration.method").string());
        assertEquals("remove-call", f.get("recommendation.kind").string());
        assertTrue(
                f.get("recommendation.code").string().contains("GuavaEventBus.BUS.unregister(this);"),
                f.get("recommendation.code").string());
    }

    @Test
    void rxjava_subscriptions_whose_disposable_is_dropped_or_never_disposed() {
        ForkedJvm.Result r = ForkedJvm.withLibraries(RxSubscriptions.class, "rxjava-", "reactive-streams-")
                .run()
                .assertSuccess();
        List<JsonValue> findings = r.findings();
        List<String> owners = findings.stream()
                .map(f -> f.get("owner.class").string())
                .sorted()
                .collect(Collectors.toList());
        assertEquals(
                List.of(RxSubscriptions.DroppingScreen.class.getName(), RxSubscriptions.KeepingScreen.class.getName()),
                owners,
                r.text());
        for (JsonValue f : findings) {
            assertEquals("close-handle", f.get("recommendation.kind").string(), r.text());
            assertEquals(
                    "io.reactivex.rxjava3.disposables.Disposable",
                    f.get("registration.handle.type").string());
            assertEquals("dispose", f.get("registration.handle.close").string());
            String code = f.get("recommendation.code").string();
            if (f.get("owner.class").string().endsWith("DroppingScreen")) {
                // RxJava's handle is the observer the subject holds, so it is not collected: it is just not kept
                assertTrue(f.get("registration.handle.field").isNull(), r.text());
                assertTrue(code.contains("private Disposable registration;"), code);
                assertTrue(code.contains("registration.dispose();"), code);
                assertTrue(
                        f.get("owner.explanation")
                                .string()
                                .contains("the Disposable that subscribe(…) returned"
                                        + " was not kept in a field of RxSubscriptions.DroppingScreen and its dispose() was never"
                                        + " called"),
                        r.text());
            } else {
                assertFalse(f.get("registration.handle.dropped").bool(), r.text());
                assertEquals("subscription", f.get("registration.handle.field").string());
                assertTrue(
                        code.contains("// in RxSubscriptions.KeepingScreen.close():\nsubscription.dispose();"), code);
            }
        }
        assertTrue(r.json().get("stats.removed").number() >= 2, r.text()); // the tidy screen's two disposals
    }

    @Test
    void javafx_property_listener_never_removed() {
        ForkedJvm.Result r = ForkedJvm.withLibraries(FxProperties.class, "javafx-base-")
                .run()
                .assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(2, findings.size(), r.text());
        JsonValue f = signal(findings, "lifecycle-end", r);
        assertTrue(f.get("owner.class").string().endsWith("FxProperties$LeakyView"), r.text());
        assertEquals(
                "javafx.beans.property.SimpleStringProperty",
                f.get("subject.class").string());
        assertEquals("remove-call", f.get("recommendation.kind").string());
        assertTrue(
                f.get("recommendation.code").string().contains("FxProperties.TITLE.removeListener(listener);"),
                f.get("recommendation.code").string());

        JsonValue lost = signal(findings, "lost-listener", r);
        assertEquals(
                FxProperties.ForgetfulView.class.getName(),
                lost.get("owner.class").string(),
                r.text());
        assertEquals(
                "javafx.beans.value.WeakChangeListener",
                lost.get("listener.class").string());
        assertTrue(
                lost.get("summary")
                        .string()
                        .startsWith("FxProperties.ForgetfulView lost its listener on"
                                + " SimpleStringProperty: the weak wrapper's delegate was collected"),
                r.text());
        List<JsonValue> chain = lost.get("chain").list();
        assertEquals(
                "(removed once its delegate was gone)",
                chain.get(0).get("field").string(),
                r.text());
        assertEquals("collected", chain.get(chain.size() - 1).get("role").string());
        assertEquals("keep-delegate", lost.get("recommendation.kind").string());
        String code = lost.get("recommendation.code").string();
        assertTrue(code.contains("FxProperties.TITLE.addListener(new WeakChangeListener(listener));"), code);
    }

    private static JsonValue signal(List<JsonValue> findings, String signal, ForkedJvm.Result r) {
        return findings.stream()
                .filter(f -> f.get("signal").string().equals(signal))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + signal + " finding\n" + r.text()));
    }
}
