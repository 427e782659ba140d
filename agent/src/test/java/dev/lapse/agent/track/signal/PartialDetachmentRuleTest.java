package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.fixtures.TrackedOwner;
import dev.lapse.fixtures.TrackedSubject;
import org.junit.jupiter.api.Test;

/** Partial detachment: thresholds, the one-second go, and the removals that are no detachment. */
class PartialDetachmentRuleTest {
    private final TrackerFixture t = new TrackerFixture();
    private final TrackedSubject subject = new TrackedSubject(t.hook());

    @Test
    void two_of_three_taken_off_in_one_go_leave_the_third_covered() {
        TrackedOwner owner = new TrackedOwner(subject, 3);
        owner.unbind(2);
        EndOfLife end = t.endOf(owner);
        assertEquals(Signal.PARTIAL_DETACHMENT, end.signal());
        assertEquals("com.acme.Model#removeListener", end.method());
        assertEquals(1, t.covered(owner).size());
        assertTrue(t.covered(owner).get(0).listener() == owner.listeners.get(2));
        assertEquals(1, t.stats.signals());
    }

    @Test
    void one_removal_alone_covers_nothing() {
        TrackedOwner owner = new TrackedOwner(subject, 2);
        owner.unbind(1);
        assertTrue(t.covered(owner).isEmpty(), "one removal is as often a listener switched off for good");
        assertEquals(0, t.stats.signals());
    }

    @Test
    void fewer_removals_than_were_left_cover_nothing() {
        TrackedOwner owner = new TrackedOwner(subject, 5);
        owner.unbind(2);
        assertTrue(t.covered(owner).isEmpty(), "two taken off five is an edit, not a teardown");
        assertEquals(0, t.stats.signals());
    }

    @Test
    void as_many_removals_as_were_left_cover_those_left() {
        TrackedOwner owner = new TrackedOwner(subject, 6);
        owner.unbind(3);
        assertEquals(3, t.covered(owner).size());
        assertEquals(1, t.stats.signals(), "counted once, when the go became one");
    }

    @Test
    void removals_from_two_owner_methods_are_two_goes() {
        TrackedOwner owner = new TrackedOwner(subject, 3);
        owner.unbindOne(0);
        owner.unbindLast();
        assertTrue(t.covered(owner).isEmpty());
    }

    @Test
    void removals_a_second_apart_are_two_goes() {
        TrackedOwner owner = new TrackedOwner(subject, 3);
        owner.unbindOne(0);
        t.clock.addAndGet(1_000);
        owner.unbindOne(1);
        assertTrue(t.covered(owner).isEmpty());
        assertEquals(0, t.stats.signals());
    }

    @Test
    void removals_within_the_second_are_one_go() {
        TrackedOwner owner = new TrackedOwner(subject, 3);
        owner.unbindOne(0);
        t.clock.addAndGet(999);
        owner.unbindOne(1);
        assertEquals(1, t.covered(owner).size());
    }

    @Test
    void taking_every_listener_off_clears_the_signal() {
        TrackedOwner owner = new TrackedOwner(subject, 3);
        owner.unbind(3);
        assertNull(t.endOf(owner), "a tidy teardown leaves nothing to judge");
    }

    @Test
    void a_removal_by_other_code_is_no_detachment() {
        TrackedOwner owner = new TrackedOwner(subject, 3);
        subject.removeListener(owner.listeners.get(0));
        subject.removeListener(owner.listeners.get(1));
        assertNull(t.endOf(owner));
    }

    @Test
    void a_removal_while_the_subject_dispatches_is_no_detachment() {
        TrackedOwner owner = new TrackedOwner(subject, 3);
        subject.dispatch(() -> owner.unbind(2));
        assertNull(t.endOf(owner), "a listener taking itself (or another) off is not a teardown");
    }

    @Test
    void removals_on_two_threads_are_two_goes() throws InterruptedException {
        TrackedOwner owner = new TrackedOwner(subject, 3);
        owner.unbindOne(0);
        Thread other = new Thread(() -> owner.unbindOne(1), "other");
        other.start();
        other.join();
        assertTrue(t.covered(owner).isEmpty());
    }

    @Test
    void a_lifecycle_end_replaces_it_and_a_later_go_does_not_replace_the_end() {
        TrackedOwner owner = new TrackedOwner(subject, 4);
        owner.unbind(2);
        t.dispose(owner);
        assertEquals(Signal.LIFECYCLE_END, t.endOf(owner).signal());
        t.clock.addAndGet(5_000);
        owner.unbindOne(2);
        assertEquals(Signal.LIFECYCLE_END, t.endOf(owner).signal(), "an end says more than a later removal");
    }
}
