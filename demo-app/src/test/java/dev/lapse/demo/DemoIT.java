package dev.lapse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.it.support.ForkedJvm;
import dev.lapse.agent.report.JsonValue;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The demo jar in forked JVMs with the real agent jar: every leak shape found, the fixed mode clean. */
class DemoIT {
    private static ForkedJvm demo(String... args) {
        Path jar = Paths.get(System.getProperty("lapse.demo.jar", "target/lapse-demo.jar"));
        return ForkedJvm.jar(jar).args(args);
    }

    @Test
    void the_agent_changes_nothing_the_demo_prints() {
        ForkedJvm.Result with = demo().run().assertSuccess();
        ForkedJvm.Result without = demo().withoutAgent().run().assertSuccess();
        assertEquals(without.stdout, with.stdout);
        ForkedJvm.Result fixedWith = demo("--fixed").run().assertSuccess();
        ForkedJvm.Result fixedWithout = demo("--fixed").withoutAgent().run().assertSuccess();
        assertEquals(fixedWithout.stdout, fixedWith.stdout);
    }

    @Test
    void every_leak_shape_of_the_demo_is_one_group_of_three() {
        ForkedJvm.Result r = demo().run().assertSuccess();
        Map<String, String> relationByOwner = new TreeMap<>();
        Map<String, String> methodByOwner = new TreeMap<>();
        for (JsonValue f : r.findings()) {
            // the Mailer "removes" its listener with a second this::onOrder: the failed removal is its signal
            assertEquals(f.get("owner.class").string().endsWith(".Mailer") ? "ineffective-removal" : "lifecycle-end",
                    f.get("signal").string(), r.text());
            assertEquals(3, f.get("count").number(), r.text());
            assertTrue(f.get("chain").list().size() >= 1, r.text());
            String owner = f.get("owner.class").string();
            relationByOwner.put(owner, f.get("owner.relation").string());
            methodByOwner.put(owner, f.get("registration.method").string());
        }
        Map<String, String> expected = new TreeMap<>(Map.of(
                "dev.lapse.demo.tasks.ProgressPanel", "enclosing-instance",
                "dev.lapse.demo.tasks.ErrorBanner", "enclosing-instance",
                "dev.lapse.demo.tasks.StatusChecker", "self",
                "dev.lapse.demo.bus.AuditTrail", "captured",
                "dev.lapse.demo.bus.Mailer", "captured",
                "dev.lapse.demo.customers.CustomerEditor", "captured",
                "dev.lapse.demo.customers.CustomerListView", "self",
                "dev.lapse.demo.session.SessionMonitor", "captured"));
        assertEquals(expected, relationByOwner, r.text());
        assertEquals("javax.swing.AbstractListModel#addListDataListener",
                methodByOwner.get("dev.lapse.demo.customers.CustomerListView"));
        assertEquals("dev.lapse.demo.bus.EventBus#subscribe", methodByOwner.get("dev.lapse.demo.bus.Mailer"));
        assertEquals(24, r.json().get("stats.findings").number(), r.text());
    }

    @Test
    void recommendations_name_the_remove_call_or_the_weak_wrapper() {
        ForkedJvm.Result r = demo().run().assertSuccess();
        for (JsonValue f : r.findings()) {
            String owner = f.get("owner.class").string();
            String kind = f.get("recommendation.kind").string();
            String code = f.get("recommendation.code").string();
            if (owner.endsWith("SessionMonitor")) {
                assertEquals("weak-wrapper", kind, code);
                assertTrue(code.contains("WeakListener.of(HeartbeatListener.class, listener)"), code);
            } else {
                assertEquals("remove-call", kind, code);
            }
        }
        String text = r.text();
        assertTrue(text.contains("runner.removeTaskListener(this);"), text);
        assertTrue(text.contains("customers.removeListDataListener(this);"), text);
        assertTrue(text.contains("model.removePropertyChangeListener(/* same String as when added */, nameListener);"),
                text);
    }

    @Test
    void the_fixed_demo_has_no_findings() {
        ForkedJvm.Result r = demo("--fixed").run().assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(0, findings.size(), r.text());
        assertEquals(24, r.json().get("stats.registrationsSeen").number(), r.text());
    }
}
