package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.instrument.CatalogForTests;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.agent.track.TrackerFixture.Hostile;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** Lifecycle end: stamped with both clocks, about the whole life, undone by registering again. */
class LifecycleEndRuleTest {
    private final TrackerFixture t = new TrackerFixture();
    private final Object subject = new Object();

    @Test
    void an_owners_end_is_recorded_with_its_method_time_and_collection_count() {
        Hostile owner = new Hostile();
        t.add(subject, owner);
        t.clock.set(2_000_000);
        t.fullGcs.set(7);
        t.dispose(owner);
        EndOfLife end = t.endOf(owner);
        assertEquals(Signal.LIFECYCLE_END, end.signal());
        assertEquals("com.acme.View#dispose", end.method());
        assertEquals(2_000_000, end.timeMillis());
        assertEquals(7, end.majorGcsBefore());
        assertEquals(1, t.covered(owner).size(), "it speaks of every registration");
        assertEquals(1, t.stats.signals());
    }

    @Test
    void the_end_of_an_object_with_no_registration_records_nothing() {
        t.dispose(new Hostile());
        assertTrue(t.tracker.ended().isEmpty());
        assertEquals(0, t.stats.signals());
    }

    @Test
    void an_owner_that_registers_again_is_alive_again() {
        Hostile owner = new Hostile();
        t.add(subject, owner);
        t.dispose(owner);
        t.add(new Object(), owner);
        assertNull(t.endOf(owner));
    }

    @Test
    void an_ended_owner_that_is_collected_is_counted_as_such() throws InterruptedException {
        WeakReference<Object> ref = endedOwner();
        TrackerFixture.collectUntil(() -> {
            t.tracker.drain();
            return ref.get() == null && t.stats.tracked() == 0;
        });
        assertNull(ref.get());
        assertEquals(1, t.stats.endedCollected(), "its registration kept it alive nowhere");
    }

    private WeakReference<Object> endedOwner() {
        Hostile owner = new Hostile();
        t.add(subject, owner);
        t.dispose(owner);
        return new WeakReference<>(owner);
    }

    /** A candidate owner is one whose class has a lifecycle end, as the owners' class here has. */
    private void ownersMayEnd() {
        CatalogForTests.end(t.catalog, Hostile.class.getName(), "dispose");
    }

    /** A listener that captured two owners, as a helper that wires them writes it. */
    private static Runnable capturing(Object first, Object second) {
        return () -> use(first, second);
    }

    private static void use(Object a, Object b) {}

    @Test
    void of_two_captured_owners_the_one_that_ended_owns_the_registration_at_the_check() {
        ownersMayEnd();
        Hostile service = new Hostile();
        Hostile panel = new Hostile();
        Runnable listener = capturing(service, panel);
        t.add(subject, listener);
        t.dispose(panel);
        EndOfLife end = t.endOf(panel);
        assertEquals(Signal.LIFECYCLE_END, end.signal());
        assertEquals(1, t.covered(panel).size());
        assertNull(t.endOf(service));
        t.remove(subject, listener);
        assertTrue(t.covered(panel).isEmpty(), "a removal finds the registration with its new owner");
        assertEquals(1, t.stats.removed(), "the move itself is no removal");
    }

    @Test
    void an_owner_that_ended_too_stays_the_owner() {
        ownersMayEnd();
        Hostile group = new Hostile();
        Hostile resolver = new Hostile();
        t.add(subject, capturing(group, resolver));
        t.dispose(resolver); // inside the group's own close()
        t.dispose(group);
        assertEquals(1, t.covered(group).size());
        assertNull(t.endOf(resolver));
    }

    @Test
    void a_listener_that_captured_one_owner_is_never_the_ended_objects() {
        ownersMayEnd();
        Hostile service = new Hostile();
        Hostile panel = new Hostile();
        Runnable listener = () -> use(service, null);
        t.add(subject, listener);
        t.dispose(panel);
        assertTrue(t.tracker.ended().isEmpty());
    }

    /** Captured beside the owner; its class has no lifecycle end. */
    private static final class Counter {}

    @Test
    void a_captured_object_whose_class_has_no_lifecycle_end_is_no_candidate() {
        ownersMayEnd();
        Hostile service = new Hostile();
        Counter counter = new Counter();
        t.add(subject, capturing(service, counter));
        t.tracker.expectCollected(counter, "not kept at registration");
        assertTrue(t.tracker.ended().isEmpty());
    }
}
