package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.instrument.CatalogForTests;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.agent.track.TrackerFixture.Hostile;
import dev.lapse.fixtures.HostileIdentity;
import dev.lapse.fixtures.TrackedOwner;
import dev.lapse.fixtures.TrackedSubject;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ineffective removal, as seen at the remove call, and the removals it keeps as claims for the check. */
class IneffectiveRemovalRuleTest {
    private final TrackerFixture t = new TrackerFixture();
    private final Object subject = new Object();

    /** An owner whose bound method references are other objects at each evaluation, as {@code this::run} is. */
    static final class Owner extends HostileIdentity {
        void run() {}

        Runnable reference() {
            return this::run;
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

    @Test
    void a_removal_that_matched_is_a_claim_for_the_check_with_the_remove_calls_site() {
        TrackedSubject tracked = new TrackedSubject(t.hook());
        TrackedOwner owner = new TrackedOwner(tracked, 1);
        t.clock.set(3_000_000);
        t.fullGcs.set(7);
        owner.unbind(1);
        List<RemovalClaims.Claim> claims = t.tracker.removalClaims();
        assertEquals(1, claims.size());
        RemovalClaims.Claim c = claims.get(0);
        assertSame(owner, c.owner());
        assertSame(owner.listeners.get(0), c.registration().listener());
        assertEquals(Signal.INEFFECTIVE_REMOVAL, c.end().signal());
        assertEquals("com.acme.Model#removeListener", c.end().method());
        assertEquals(3_000_000, c.end().timeMillis());
        assertEquals(7, c.end().majorGcsBefore());
        assertEquals("unbind", c.end().site().frames().get(1).getMethodName(), "the remove method, then its caller");
        assertNull(t.endOf(owner), "a claim is no signal: the check decides");
        assertEquals(0, t.stats.signals());
    }

    @Test
    void a_removal_that_matched_nothing_is_no_claim() {
        Owner owner = new Owner();
        t.remove(subject, owner.reference());
        assertTrue(t.tracker.removalClaims().isEmpty());
        assertFalse(t.tracker.anyRemovalClaim());
    }

    @Test
    void claims_are_a_small_sample_per_api_and_listener_class_and_the_rest_are_counted() {
        List<Hostile> listeners = new ArrayList<>();
        for (int i = 0; i < RemovalClaims.PER_KIND + 3; i++) {
            Hostile h = new Hostile(); // its own owner; throws from equals, hashCode and toString
            listeners.add(h);
            t.add(subject, h);
            t.remove(subject, h);
        }
        assertEquals(RemovalClaims.PER_KIND, t.tracker.removalClaims().size());
        assertEquals(3, t.tracker.removalClaimsDropped());
        Runnable other = new Owner().reference();
        t.add(subject, other);
        t.remove(subject, other);
        assertEquals(RemovalClaims.PER_KIND + 1, t.tracker.removalClaims().size(), "another listener class has room");
    }

    @Test
    void claims_never_exceed_the_overall_cap() {
        Object s = new Object();
        List<Hostile> live = new ArrayList<>();
        for (int i = 0; i < RemovalClaims.CAP + 50; i++) {
            // a pair of its own for each: one kind each, so only the cap bounds them
            ApiMethod add = CatalogForTests.add(t.catalog, "com.acme.Model" + i, "addListener", "removeListener");
            ApiMethod remove = CatalogForTests.remove(t.catalog, "com.acme.Model" + i, "removeListener");
            Hostile h = new Hostile();
            live.add(h);
            t.tracker.added(add.id(), s, h, null, null, 0, null, null);
            t.tracker.removed(remove.id(), s, h);
        }
        assertEquals(RemovalClaims.CAP, t.tracker.removalClaims().size());
        assertEquals(50, t.tracker.removalClaimsDropped());
    }

    @Test
    void a_settled_claim_is_forgotten_and_frees_its_place() {
        Hostile h = new Hostile();
        t.add(subject, h);
        t.remove(subject, h);
        t.tracker.removalClaimsSettled(t.tracker.removalClaims());
        assertTrue(t.tracker.removalClaims().isEmpty());
        assertFalse(t.tracker.anyRemovalClaim());
    }

    @Test
    void a_claim_keeps_nothing_alive_and_a_collected_one_frees_its_place() throws InterruptedException {
        Object s = new Object();
        WeakReference<Object> owner = claimOnce(s);
        TrackerFixture.collectUntil(TrackerFixture.collected(owner));
        assertNull(owner.get(), "the claim held the owner");
        assertTrue(t.tracker.removalClaims().isEmpty());
    }

    @Test
    void a_handles_undo_is_a_claim_too() {
        Hostile h = new Hostile();
        Object handle = new Object();
        t.tracker.added(t.add.id(), subject, h, null, handle, 0, null, null);
        t.tracker.ended(t.dispose.id(), handle);
        List<RemovalClaims.Claim> claims = t.tracker.removalClaims();
        assertEquals(1, claims.size());
        assertSame(h, claims.get(0).registration().listener());
        assertEquals("com.acme.View#dispose", claims.get(0).end().method());
    }

    private WeakReference<Object> claimOnce(Object s) {
        Hostile h = new Hostile();
        t.add(s, h);
        t.remove(s, h);
        assertEquals(1, t.tracker.removalClaims().size());
        return new WeakReference<>(h);
    }
}
