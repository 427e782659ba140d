package dev.lapse.agent.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.instrument.CatalogForTests;
import dev.lapse.agent.track.TrackerFixture.Hostile;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The tracker with real garbage collection and a fake clock. */
class TrackerTest {
    private final ApiCatalog catalog = new ApiCatalog();
    private final ApiMethod add = CatalogForTests.add(catalog, "com.acme.Model", "addListener", "removeListener");
    private final ApiMethod remove = CatalogForTests.remove(catalog, "com.acme.Model", "removeListener");
    private final ApiMethod dispose = CatalogForTests.end(catalog, "com.acme.View", "dispose");
    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicLong fullGcs = new AtomicLong();
    private final Stats stats = new Stats();
    private final Tracker tracker =
            new Tracker(catalog, new OwnerResolver(), new SiteCapture(catalog), stats, 100, clock::get, fullGcs::get);

    @Test
    void removal_of_the_same_listener_forgets_the_registration() {
        Object subject = new Object();
        Hostile listener = new Hostile();
        tracker.added(add.id(), subject, listener, null, null, 0, null, null);
        assertEquals(1, stats.tracked());
        tracker.removed(remove.id(), subject, listener);
        assertEquals(0, stats.tracked());
        assertEquals(1, stats.removed());
        assertEquals(0, tracker.owners());
    }

    @Test
    void removal_of_another_instance_or_from_another_subject_forgets_nothing() {
        Object subject = new Object();
        Hostile listener = new Hostile();
        tracker.added(add.id(), subject, listener, null, null, 0, null, null);
        tracker.removed(remove.id(), subject, new Hostile());
        tracker.removed(remove.id(), new Object(), listener);
        assertEquals(1, stats.tracked());
        assertEquals(0, stats.removed());
    }

    @Test
    void end_of_life_is_recorded_with_time_and_gc_count_and_registering_again_revives() {
        Object subject = new Object();
        Hostile owner = new Hostile();
        tracker.added(add.id(), subject, owner, null, null, 0, null, null);
        clock.set(2_000);
        fullGcs.set(7);
        tracker.ended(dispose.id(), owner);
        EndOfLife end = tracker.ended().get(0).record().end();
        assertEquals(Signal.LIFECYCLE_END, end.signal());
        assertEquals("com.acme.View#dispose", end.method());
        assertEquals(2_000, end.timeMillis());
        assertEquals(7, end.majorGcsBefore());
        tracker.added(add.id(), subject, owner, null, null, 0, null, null);
        assertTrue(tracker.ended().isEmpty(), "an owner that registers again is alive again");
    }

    @Test
    void collected_owners_are_forgotten_after_a_real_gc() throws InterruptedException {
        Object subject = new Object();
        WeakReference<Object> ownerRef = register(subject);
        for (int i = 0; i < 50 && (ownerRef.get() != null || stats.tracked() > 0); i++) {
            System.gc();
            Thread.sleep(10);
            tracker.drain();
        }
        assertNull(ownerRef.get());
        assertEquals(0, stats.tracked());
        assertEquals(0, tracker.owners());
        assertNotNull(subject);
    }

    private WeakReference<Object> register(Object subject) {
        Hostile owner = new Hostile();
        tracker.added(add.id(), subject, owner, null, null, 0, null, null);
        tracker.ended(dispose.id(), owner);
        return new WeakReference<>(owner);
    }

    @Test
    void the_cap_drops_and_counts_registrations_past_it() {
        Object subject = new Object();
        List<Object> keep = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Hostile l = new Hostile();
            keep.add(l);
            tracker.added(add.id(), subject, l, null, null, 0, null, null);
        }
        assertEquals(100, stats.tracked());
        assertEquals(50, stats.dropped());
        assertEquals(150, stats.seen());
    }

    @Test
    void a_subject_listening_to_itself_is_not_tracked() {
        Hostile self = new Hostile();
        tracker.added(add.id(), self, self, null, null, 0, null, null);
        assertEquals(0, stats.tracked());
    }
}
