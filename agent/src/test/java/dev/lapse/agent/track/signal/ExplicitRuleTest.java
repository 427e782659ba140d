package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.agent.track.TrackerFixture.Hostile;
import dev.lapse.fixtures.TrackedOwner;
import dev.lapse.fixtures.TrackedSubject;
import org.junit.jupiter.api.Test;

/** Explicit: {@code Lapse.expectCollected(owner, reason)}. */
class ExplicitRuleTest {
    private final TrackerFixture t = new TrackerFixture();

    @Test
    void the_reason_and_both_clocks_are_recorded() {
        Hostile owner = new Hostile();
        t.add(new Object(), owner);
        t.clock.set(3_000_000);
        t.fullGcs.set(2);
        t.tracker.expectCollected(owner, "tab closed");
        EndOfLife end = t.endOf(owner);
        assertEquals(Signal.EXPLICIT, end.signal());
        assertEquals("tab closed", end.reason());
        assertEquals(3_000_000, end.timeMillis());
        assertEquals(2, end.majorGcsBefore());
        assertEquals(1, t.covered(owner).size());
    }

    @Test
    void an_object_with_no_registration_is_not_counted() {
        t.tracker.expectCollected(new Hostile(), null);
        assertTrue(t.tracker.ended().isEmpty());
        assertEquals(0, t.stats.signals());
    }

    @Test
    void it_replaces_a_signal_about_some_registrations_and_covers_them_all() {
        TrackedOwner owner = new TrackedOwner(new TrackedSubject(t.hook()), 3);
        owner.unbind(2);
        assertEquals(Signal.PARTIAL_DETACHMENT, t.endOf(owner).signal());
        t.tracker.expectCollected(owner, "done");
        assertEquals(Signal.EXPLICIT, t.endOf(owner).signal());
        assertEquals(1, t.covered(owner).size());
    }
}
