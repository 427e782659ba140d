package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.fixtures.TrackedOwner;
import dev.lapse.fixtures.TrackedSubject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detached subject, the tracker's part: which registrations are watched (the owner's code registered on a subject in
 * a field of its own), and the signal the check's answer records. Whether the owner still reaches the subject is the
 * check's question.
 */
class DetachedSubjectRuleTest {
    private final TrackerFixture t = new TrackerFixture();
    private final TrackedSubject subject = new TrackedSubject(t.hook());

    private List<Registration> heldOf(Object owner) {
        return t.tracker.heldSubjects().stream()
                .filter(h -> h.owner() == owner)
                .map(DetachedSubjectRule.Held::registration)
                .toList();
    }

    @Test
    void a_registration_by_the_owners_code_on_a_subject_in_its_field_is_watched() {
        TrackedOwner owner = new TrackedOwner(subject, 2);
        List<DetachedSubjectRule.Held> held = t.tracker.heldSubjects();
        assertEquals(2, held.size());
        assertSame(owner, held.get(0).owner());
        assertSame(subject, held.get(0).subject());
        assertEquals("subject", held.get(0).registration().heldIn());
    }

    @Test
    void a_registration_by_other_code_is_not_watched() {
        TrackedOwner owner = new TrackedOwner(subject, 0);
        subject.addListener(owner.new Listener());
        assertTrue(t.tracker.heldSubjects().isEmpty());
    }

    @Test
    void the_signal_covers_the_registrations_left_and_names_the_field() {
        TrackedOwner owner = new TrackedOwner(subject, 2);
        TrackedOwner other = new TrackedOwner(new TrackedSubject(t.hook()), 1);
        owner.dropSubject();
        List<Registration> left = List.of(heldOf(owner).get(0));
        t.clock.set(5_000_000);
        t.tracker.subjectDetached(owner, left);
        EndOfLife end = t.endOf(owner);
        assertEquals(Signal.DETACHED_SUBJECT, end.signal());
        assertEquals("subject", end.reason());
        assertEquals(5_000_000, end.timeMillis());
        assertEquals(left, t.covered(owner), "about those registrations only");
        assertNull(t.endOf(other));
        assertEquals(1, t.stats.signals());
    }

    @Test
    void an_owner_already_detached_or_ended_is_not_asked_about_again() {
        TrackedOwner detached = new TrackedOwner(subject, 1);
        t.tracker.subjectDetached(
                detached, List.of(t.tracker.heldSubjects().get(0).registration()));
        TrackedOwner ended = new TrackedOwner(new TrackedSubject(t.hook()), 1);
        t.dispose(ended);
        assertTrue(t.tracker.heldSubjects().isEmpty());
    }

    @Test
    void a_lifecycle_end_replaces_it() {
        TrackedOwner owner = new TrackedOwner(subject, 2);
        t.tracker.subjectDetached(owner, List.of(heldOf(owner).get(0)));
        t.dispose(owner);
        assertEquals(Signal.LIFECYCLE_END, t.endOf(owner).signal());
        assertEquals(2, t.covered(owner).size());
    }
}
