package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Singletons;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK's registrations on JVM-wide singletons: JMX notification listeners on a platform MXBean and on the MBean
 * server, logging handlers, shutdown hooks. Each owner that ended is one group with the remove call in its fix; the
 * fixed owners, a service that lives as long as the JVM, JDK logging's own handler and Lapse's own exit hook stay
 * quiet.
 */
class JdkSingletonsIT {
    private static final String S = "dev.lapse.it.scenario.Singletons$";
    private static ForkedJvm.Result result;
    private static FindingsByOwner findings;

    @BeforeAll
    static void run() {
        result = ForkedJvm.main(Singletons.class).run().assertSuccess();
        findings = new FindingsByOwner(result, S);
    }

    private static JsonValue finding(String owner, String method) {
        JsonValue f = findings.of(owner, method);
        assertEquals("lifecycle-end", f.get("signal").string(), result.text());
        findings.registeredByOwner(f, owner);
        assertEquals("remove-call", f.get("recommendation.kind").string(), result.text());
        return f;
    }

    @Test
    void one_group_per_ended_owner_and_nothing_else() {
        assertEquals(5, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());
        assertTrue(result.stdout.contains("singletons done"), result.stdout);
    }

    @Test
    void gc_notification_listener_on_a_platform_mxbean() {
        JsonValue f = finding("GcWatcher", "sun.management.NotificationEmitterSupport#addNotificationListener");
        assertTrue(f.get("subject.class").string().contains("GarbageCollector"), result.text());
        assertTrue(
                FindingsByOwner.code(f)
                        .contains(".removeNotificationListener(listener, /* same NotificationFilter as when added */"),
                FindingsByOwner.code(f));
    }

    @Test
    void notification_listener_on_the_mbean_server_by_name() {
        JsonValue f = finding("DelegateWatcher", "com.sun.jmx.mbeanserver.JmxMBeanServer#addNotificationListener");
        assertEquals("enclosing-instance", f.get("owner.relation").string());
        assertTrue(
                FindingsByOwner.code(f)
                        .contains(".removeNotificationListener(/* same ObjectName as when added */, listener"),
                FindingsByOwner.code(f));
    }

    @Test
    void logging_handler_on_a_logger() {
        JsonValue f = finding("LogCapture", "java.util.logging.Logger#addHandler");
        assertEquals("enclosing-instance", f.get("owner.relation").string());
        assertTrue(FindingsByOwner.code(f).contains(".removeHandler(listener);"), FindingsByOwner.code(f));
    }

    @Test
    void shutdown_hook_on_the_runtime() {
        JsonValue f = finding("HookedClient", "java.lang.Runtime#addShutdownHook");
        assertEquals("enclosing-instance", f.get("owner.relation").string());
        assertEquals(
                "java.lang.ApplicationShutdownHooks", f.get("subject.class").string(), result.text());
        assertTrue(
                FindingsByOwner.code(f).contains("Runtime.getRuntime().removeShutdownHook(listener);"),
                FindingsByOwner.code(f));
    }

    @Test
    void shutdown_hook_through_a_method_reference_before_any_other_call_to_the_runtime() {
        // the launch does not instrument the runtime: the method reference has it instrumented where it is made
        JsonValue f = finding("ReferencedHookClient", "java.lang.Runtime#addShutdownHook");
        assertEquals("enclosing-instance", f.get("owner.relation").string());
    }

    @Test
    void lapse_and_the_jdk_register_on_these_singletons_unreported() {
        for (JsonValue f : result.findings()) {
            String owner = f.get("owner.class").string();
            assertTrue(owner.startsWith(S), "only the scenario's owners: " + owner + "\n" + result.text());
        }
    }
}
