package dev.lapse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lapse.Lapse;
import dev.lapse.demo.session.Heartbeat;
import dev.lapse.demo.session.SessionMonitor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoAppTest {
    private static List<String> run(Services services, boolean fixed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // the window stays open, as in the application: what a test leaves on its own services is garbage with them
        DemoApp.run(services, fixed, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // but the scheduler's thread would keep them, and the closed tiles queued on them, for the JVM's life
        services.scheduler.shutdownNow();
        return bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    @Test
    void every_closed_workspace_leaves_its_listeners_behind_and_every_search_adds_one() {
        List<String> out = run(new Services(), false);
        // eleven per workspace, ten per round of searches, and the status bar's one for the application
        assertEquals("round 1 closed: 22 listeners left on the services", out.get(2));
        assertEquals("round 2 closed: 43 listeners left on the services", out.get(4));
        assertEquals("round 3 closed: 64 listeners left on the services", out.get(6));
    }

    @Test
    void fixed_workspaces_leave_only_inert_weak_wrappers_and_the_application_wide_listeners() {
        Services services = new Services();
        List<String> out = run(services, true);
        // a weak wrapper per workspace on the heartbeat, which has no remove; the status bar's and the search box's
        assertEquals("round 3 closed: 5 listeners left on the services", out.get(6));
        assertEquals(3, services.heartbeat.listenerCount());
        assertEquals(1, services.alerts.listenerCount());
        assertEquals(1, services.customers.getListDataListeners().length);
        assertEquals(
                0,
                services.tasks.listenerCount()
                        + services.bus.handlerCount()
                        + services.customer.listenerCount()
                        + services.drafts.listenerCount());
    }

    @Test
    void a_closed_sales_tile_stays_queued_on_the_scheduler_and_waits_on_the_shutdown_future_unless_fixed() {
        Services leaky = new Services();
        Services fixed = new Services();
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        DemoApp.run(leaky, false, out);
        DemoApp.run(fixed, true, out);
        try {
            assertEquals(3, leaky.scheduler.getQueue().size());
            assertEquals(3, leaky.shutdown.getNumberOfDependents());
            assertEquals(0, fixed.scheduler.getQueue().size(), "cancelled, and removed on cancel");
            assertEquals(3, fixed.shutdown.getNumberOfDependents(), "weak callbacks, which hold no tile");
        } finally {
            leaky.scheduler.shutdownNow();
            fixed.scheduler.shutdownNow();
        }
    }

    /**
     * Dogfooding: with Lapse on the test JVM (as the module's Surefire configuration puts it), the fixed demo run
     * against the application's static services leaves nothing that makes Lapse fail this test.
     */
    @Test
    void fixed_workspaces_leave_nothing_behind_on_the_application_services() {
        assumeTrue(Lapse.isAgentLoaded(), "only meaningful with the Lapse agent on the test JVM");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoApp.run(Services.APPLICATION, true, new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .close();
        List<String> out = bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        assertEquals("round 3 closed: 5 listeners left on the services", out.get(6));
    }

    @Test
    void the_fixes_change_nothing_the_user_sees_while_a_workspace_is_open() {
        List<String> leaky = run(new Services(), false);
        List<String> fixed = run(new Services(), true);
        for (int line : new int[] {1, 3, 5}) {
            assertEquals(leaky.get(line), fixed.get(line));
        }
        assertTrue(
                fixed.get(5)
                        .contains("heartbeat 3, 1 alert, card 'Alan Turing', order 'Alan Turing: 1 item(s)',"
                                + " search 'Alan Turin'"),
                fixed.get(5));
        assertTrue(fixed.get(5).contains("editor 'Customer Alan Turing'"), fixed.get(5));
    }

    @Test
    void weak_wrapper_keeps_calling_back_while_the_monitor_lives_and_lets_it_go_when_dropped()
            throws InterruptedException {
        Heartbeat heartbeat = new Heartbeat();
        SessionMonitor monitor = new SessionMonitor(heartbeat, true);
        System.gc();
        heartbeat.beat();
        assertEquals(1, monitor.lastBeat(), "the monitor's strong field keeps the delegate alive across a GC");

        WeakReference<SessionMonitor> ref = new WeakReference<>(monitor);
        monitor.close();
        monitor = null;
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(ref.get(), "the heartbeat must not keep a closed monitor alive");
        heartbeat.beat(); // the inert wrapper finds its delegate gone and does nothing
    }
}
