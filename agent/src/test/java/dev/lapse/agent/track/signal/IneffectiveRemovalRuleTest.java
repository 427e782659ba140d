package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.agent.track.TrackerFixture.Hostile;
import dev.lapse.fixtures.TrackedOwner;
import dev.lapse.fixtures.TrackedSubject;
import org.junit.jupiter.api.Test;

/** Ineffective removal, as seen at the remove call. */
class IneffectiveRemovalRuleTest {
    private final TrackerFixture t = new TrackerFixture();
    private final Object subject = new Object();

    /** An owner whose bound method references are other objects at each evaluation, as {@code this::run} is. */
    static final class Owner {
        void run() {}

        Runnable reference() {
            return this::run;
        }

        @Override
        public boolean equals(Object o) {
            throw new AssertionError("equals called");
        }

        @Override
        public int hashCode() {
            throw new AssertionError("hashCode called");
        }
    }

    @Test
    void removing_a_second_method_reference_removes_nothing_and_is_signalled() {
        Owner owner = new Owner();
        Runnable registered = owner.reference();
        t.add(subject, registered);
        t.clock.set(2_000_000);
        t.remove(subject, owner.reference());
        EndOfLife end = t.endOf(owner);
        assertEquals(Signal.INEFFECTIVE_REMOVAL, end.signal());
        assertEquals("com.acme.Model#removeListener", end.method());
        assertEquals(2_000_000, end.timeMillis());
        assertEquals(1, t.stats.signals());
        assertEquals(0, t.stats.removed());
    }

    @Test
    void removing_another_instance_of_an_owners_listener_class_is_signalled() {
        TrackedSubject tracked = new TrackedSubject(t.hook());
        TrackedOwner owner = new TrackedOwner(tracked, 1);
        tracked.removeListener(owner.new Listener());
        assertEquals(Signal.INEFFECTIVE_REMOVAL, t.endOf(owner).signal());
    }

    @Test
    void another_owners_listener_of_the_same_class_says_nothing() {
        Hostile registered = new Hostile();
        t.add(subject, registered);
        Hostile other = new Hostile();
        t.remove(subject, other);
        assertNull(t.endOf(registered), "each Hostile is its own owner: the other has no registration to miss");
        assertEquals(0, t.stats.signals());
    }

    @Test
    void removing_what_was_never_added_says_nothing() {
        Owner owner = new Owner();
        t.remove(subject, owner.reference());
        assertNull(t.endOf(owner));
        assertEquals(0, t.stats.signals());
    }

    @Test
    void removing_from_another_subject_says_nothing() {
        Owner owner = new Owner();
        t.add(subject, owner.reference());
        t.remove(new Object(), owner.reference());
        assertNull(t.endOf(owner));
    }

    @Test
    void it_is_kept_over_the_lifecycle_end_that_follows() {
        Owner owner = new Owner();
        t.add(subject, owner.reference());
        t.remove(subject, owner.reference());
        t.dispose(owner);
        assertEquals(Signal.INEFFECTIVE_REMOVAL, t.endOf(owner).signal(), "the failed removal says more");
    }

    @Test
    void an_owner_that_registers_again_is_alive_again() {
        Owner owner = new Owner();
        t.add(subject, owner.reference());
        t.remove(subject, owner.reference());
        t.add(subject, owner.reference());
        assertNull(t.endOf(owner));
    }
}
