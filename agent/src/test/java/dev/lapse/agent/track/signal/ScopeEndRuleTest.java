package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.agent.track.TrackerFixture.Hostile;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** Scope end: the owners born in a scope (a test), and only those. */
class ScopeEndRuleTest {
    private final TrackerFixture t = new TrackerFixture();
    private final Object subject = new Object();

    @Test
    void an_owner_born_in_the_scope_ends_with_it() {
        Hostile owner = new Hostile();
        t.addInScope(subject, owner, "test-1");
        t.clock.set(4_000_000);
        t.tracker.scopeEnded("test-1", "test FooTest.leaks()");
        EndOfLife end = t.endOf(owner);
        assertEquals(Signal.SCOPE_END, end.signal());
        assertEquals("test FooTest.leaks()", end.reason());
        assertEquals(4_000_000, end.timeMillis());
        assertEquals(1, t.stats.signals());
    }

    @Test
    void an_owner_that_existed_before_the_scope_is_left_alone() {
        Hostile owner = new Hostile();
        t.add(subject, owner);
        t.addInScope(new Object(), owner, "test-1");
        t.tracker.scopeEnded("test-1", "test FooTest.leaks()");
        assertNull(t.endOf(owner));
        assertEquals(0, t.stats.signals());
    }

    @Test
    void another_scope_ending_ends_nothing() {
        Hostile owner = new Hostile();
        t.addInScope(subject, owner, "test-1");
        t.tracker.scopeEnded("test-2", "test FooTest.other()");
        assertNull(t.endOf(owner));
    }

    @Test
    void an_owner_with_no_registration_left_from_the_scope_is_left_alone() {
        Hostile owner = new Hostile();
        t.addInScope(subject, owner, "test-1");
        t.remove(subject, owner);
        t.tracker.scopeEnded("test-1", "test FooTest.tidy()");
        assertEquals(0, t.stats.signals());
    }

    @Test
    void an_owner_already_ended_keeps_its_end() {
        Hostile owner = new Hostile();
        t.addInScope(subject, owner, "test-1");
        t.dispose(owner);
        t.tracker.scopeEnded("test-1", "test FooTest.leaks()");
        assertEquals(Signal.LIFECYCLE_END, t.endOf(owner).signal());
    }

    @Test
    void a_weak_wrapper_keeps_nothing_alive_and_is_left_alone() {
        Runnable delegate = new Hostile();
        LostListenerRuleTest.WeakRunnable wrapper =
                new LostListenerRuleTest.WeakRunnable(new WeakReference<>(delegate));
        t.addInScope(subject, wrapper, "test-1");
        t.tracker.scopeEnded("test-1", "test FooTest.weak()");
        assertNull(t.endOf(wrapper));
    }
}
