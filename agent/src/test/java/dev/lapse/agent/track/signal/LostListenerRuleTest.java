package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.agent.track.TrackerFixture.Hostile;
import dev.lapse.fixtures.TrackedOwner;
import dev.lapse.fixtures.TrackedSubject;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lost listener: a weak wrapper's delegate collected, by a real collection, while its owner lives on. */
class LostListenerRuleTest {
    private final TrackerFixture t = new TrackerFixture();
    private final Object subject = new Object();
    private final TrackedOwner owner = new TrackedOwner(new TrackedSubject(t.hook()), 0);

    /** A weak wrapper: its one reference field is a {@code Reference}, so it holds its delegate weakly. */
    static final class WeakRunnable implements Runnable {
        private final WeakReference<Runnable> ref;

        WeakRunnable(WeakReference<Runnable> ref) {
            this.ref = ref;
        }

        @Override
        public void run() {
            Runnable delegate = ref.get();
            if (delegate != null) {
                delegate.run();
            }
        }

        boolean delegateGone() {
            return ref.get() == null;
        }
    }

    /** A wrapper of a new listener of the owner's that nothing else holds. */
    private WeakRunnable wrapperOfUnheldDelegate() {
        return new WeakRunnable(new WeakReference<>(owner.new Listener()));
    }

    private List<LostListenerRule.Lost> lost() {
        return t.tracker.lostListeners(r -> true);
    }

    @Test
    void a_delegate_collected_while_its_owner_lives_is_lost_and_signalled_once() throws InterruptedException {
        WeakRunnable wrapper = wrapperOfUnheldDelegate();
        t.add(subject, wrapper);
        TrackerFixture.collectUntil(wrapper::delegateGone);
        assertTrue(wrapper.delegateGone());
        t.clock.set(6_000_000);
        List<LostListenerRule.Lost> lost = lost();
        assertEquals(1, lost.size());
        LostListenerRule.Lost l = lost.get(0);
        assertSame(owner, l.owner());
        assertEquals(TrackedOwner.class.getName(), l.ownerClass());
        assertEquals(Signal.LOST_LISTENER, l.end().signal());
        assertEquals(TrackedOwner.Listener.class.getName(), l.end().reason());
        assertEquals(6_000_000, l.end().timeMillis());
        assertEquals("ref", l.field());
        assertEquals(WeakReference.class.getName(), l.referenceClass());
        assertTrue(l.stillRegistered());
        assertEquals(1, l.count());
        t.clock.set(7_000_000);
        assertEquals(6_000_000, lost().get(0).end().timeMillis(), "stamped when first seen");
        assertEquals(1, t.stats.signals());
    }

    @Test
    void a_delegate_held_elsewhere_is_not_lost() throws InterruptedException {
        Runnable delegate = owner.new Listener();
        WeakRunnable wrapper = new WeakRunnable(new WeakReference<>(delegate));
        t.add(subject, wrapper);
        System.gc();
        assertTrue(lost().isEmpty());
        assertNotNull(delegate);
    }

    @Test
    void a_delegate_collected_after_its_owner_ended_is_no_loss() throws InterruptedException {
        WeakRunnable wrapper = wrapperOfUnheldDelegate();
        t.add(subject, wrapper);
        t.dispose(owner);
        TrackerFixture.collectUntil(wrapper::delegateGone);
        assertTrue(wrapper.delegateGone());
        assertTrue(lost().isEmpty());
    }

    @Test
    void a_delegate_that_is_its_own_owner_is_not_watched() throws InterruptedException {
        WeakRunnable wrapper = new WeakRunnable(new WeakReference<>(new Hostile()));
        t.add(subject, wrapper);
        TrackerFixture.collectUntil(wrapper::delegateGone);
        assertTrue(lost().isEmpty(), "it dies with its owner: nothing to lose");
    }

    @Test
    void a_wrapper_that_removed_itself_after_the_loss_stays_lost() throws InterruptedException {
        WeakRunnable wrapper = wrapperOfUnheldDelegate();
        t.add(subject, wrapper);
        TrackerFixture.collectUntil(wrapper::delegateGone);
        t.remove(subject, wrapper);
        List<LostListenerRule.Lost> lost = lost();
        assertEquals(1, lost.size());
        assertFalse(lost.get(0).stillRegistered());
    }

    @Test
    void a_wrapper_removed_while_its_delegate_lived_is_forgotten() throws InterruptedException {
        WeakRunnable wrapper = wrapperOfUnheldDelegate();
        t.add(subject, wrapper);
        t.remove(subject, wrapper);
        TrackerFixture.collectUntil(wrapper::delegateGone);
        assertTrue(lost().isEmpty());
    }

    @Test
    void only_the_registrations_asked_about_are_looked_at() throws InterruptedException {
        WeakRunnable wrapper = wrapperOfUnheldDelegate();
        t.add(subject, wrapper);
        TrackerFixture.collectUntil(wrapper::delegateGone);
        assertTrue(t.tracker.lostListeners(r -> false).isEmpty());
        assertEquals(0, t.stats.signals());
    }
}
