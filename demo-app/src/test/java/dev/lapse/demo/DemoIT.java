package dev.lapse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.support.ForkedJvm;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The demo jar in forked JVMs with the real agent jar: every leak shape found, the fixed mode clean. */
class DemoIT {
    /** As scripts/demo.sh runs it: the search box's 30 listeners are an accumulation in a run this short. */
    private static final String DEMO_OPTIONS = "accumulation=20,accumulationWindow=0s";

    private static ForkedJvm demo(String... args) {
        Path jar = Paths.get(System.getProperty("lapse.demo.jar", "target/lapse-demo.jar"));
        return ForkedJvm.jar(jar).agentOptions(DEMO_OPTIONS).args(args);
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

    /**
     * Each of the demo's leaks: owner class, signal, how many, how the listener holds its owner; with the registering
     * method for the owner that leaks twice.
     */
    private static final List<List<String>> LEAKS = List.of(
            List.of("tasks.ProgressPanel", "lifecycle-end", "3", "enclosing-instance"),
            List.of("tasks.ErrorBanner", "lifecycle-end", "3", "enclosing-instance"),
            List.of("tasks.StatusChecker", "lifecycle-end", "3", "self"),
            List.of("bus.AuditTrail", "lifecycle-end", "3", "captured"),
            // "removes" its listener with a second this::onOrder
            List.of("bus.Mailer", "ineffective-removal", "3", "captured"),
            List.of("customers.CustomerEditor", "lifecycle-end", "3", "captured"),
            List.of("customers.CustomerListView", "lifecycle-end", "3", "self"),
            List.of("session.SessionMonitor", "lifecycle-end", "3", "captured"),
            List.of("alerts.AlertBadge", "lifecycle-end", "3", "captured"),
            // one for the application: lost the lambda only its weak wrapper held
            List.of("alerts.StatusBar", "lost-listener", "1", "weak-delegate"),
            // unbinds two of its three listeners in a method of its own
            List.of("customers.CustomerCard", "partial-detachment", "3", "captured"),
            // switched drafts without taking its listener off the old one, which the store keeps
            List.of("orders.OrderPanel", "detached-subject", "3", "captured"),
            // one for the application: ten searches a round, each adding a listener
            List.of("search.QuickSearch", "accumulation", "30", "enclosing-instance"),
            // a periodic task on the shared scheduler, never cancelled, and an action on the shutdown future
            List.of("dashboard.SalesTile scheduleAtFixedRate", "lifecycle-end", "3", "captured"),
            List.of("dashboard.SalesTile whenComplete", "lifecycle-end", "3", "captured"));

    @Test
    void every_leak_shape_of_the_demo_is_one_group_with_its_signal() {
        ForkedJvm.Result r = demo().run().assertSuccess();
        Map<String, List<String>> found = new TreeMap<>();
        Map<String, String> methodByOwner = new TreeMap<>();
        for (JsonValue f : r.findings()) {
            assertTrue(f.get("chain").list().size() >= 1, r.text());
            String owner = f.get("owner.class").string().substring("dev.lapse.demo.".length());
            String method = f.get("registration.method").string();
            if (owner.startsWith("dashboard.")) {
                owner += " " + method.substring(method.indexOf('#') + 1);
            }
            List<String> leak = List.of(
                    owner,
                    f.get("signal").string(),
                    "" + f.get("count").number(),
                    f.get("owner.relation").string());
            assertEquals(null, found.put(owner, leak), "one group per owner and task API: " + r.text());
            methodByOwner.put(owner, f.get("registration.method").string());
        }
        Map<String, List<String>> expected = new TreeMap<>();
        int total = 0;
        for (List<String> leak : LEAKS) {
            expected.put(leak.get(0), leak);
            total += Integer.parseInt(leak.get(2));
        }
        assertEquals(expected, found, r.text());
        assertEquals(
                "javax.swing.AbstractListModel#addListDataListener", methodByOwner.get("customers.CustomerListView"));
        assertEquals("dev.lapse.demo.bus.EventBus#subscribe", methodByOwner.get("bus.Mailer"));
        assertEquals(total, r.json().get("stats.findings").number(), r.text());
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
            } else if (owner.endsWith("AlertBadge")) {
                assertEquals("close-handle", kind, code);
                assertTrue(code.contains("private AlertFeed.Subscription registration;"), code);
                assertTrue(code.contains("// in AlertBadge.close():\nregistration.close();"), code);
            } else if (owner.endsWith("StatusBar")) {
                assertEquals("keep-delegate", kind, code);
                assertTrue(code.contains("WeakListener.of(AlertListener.class, listener)"), code);
            } else if (owner.endsWith("SalesTile")
                    && f.get("registration.method").string().endsWith("#scheduleAtFixedRate")) {
                assertEquals("close-handle", kind, code);
                assertTrue(code.contains("// in SalesTile.close():\nrefresh.cancel(false);"), code);
            } else if (owner.endsWith("SalesTile")) {
                assertEquals("weak-wrapper", kind, code);
                assertTrue(
                        code.contains("completableFuture.whenComplete(WeakListener.of(BiConsumer.class, listener));"),
                        code);
            } else if (owner.endsWith("QuickSearch")) {
                assertEquals("register-once", kind, code);
                assertTrue(code.contains("customers.removeListDataListener(previousListener);"), code);
            } else if (owner.endsWith("CustomerCard")) {
                assertEquals("remove-call", kind, code);
                assertTrue(
                        code.contains("// in CustomerCard.unbind(), next to the removal it has:\n"
                                + "model.removePropertyChangeListener(/* same String as when added */, onAddress);"),
                        code);
            } else if (owner.endsWith("OrderPanel")) {
                assertEquals("remove-call", kind, code);
                assertTrue(
                        code.contains("// where OrderPanel replaces or clears draft, before it lets go of the old"
                                + " one (it registers in OrderPanel.show(); it ended in OrderPanel.close()):\n"
                                + "draft.removeDraftListener(onChange);"),
                        code);
            } else {
                assertEquals("remove-call", kind, code);
            }
        }
        String text = r.text();
        assertTrue(text.contains("runner.removeTaskListener(this);"), text);
        assertTrue(text.contains("customers.removeListDataListener(this);"), text);
        assertTrue(
                text.contains("model.removePropertyChangeListener(/* same String as when added */, nameListener);"),
                text);
    }

    @Test
    void the_fixed_demo_has_no_findings() {
        ForkedJvm.Result r = demo("--fixed").run().assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(0, findings.size(), r.text());
        assertEquals(50, r.json().get("stats.registrationsSeen").number(), r.text());
    }
}
