package dev.lapse.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Real collections, no mocked reachability: an object counts as gone when its weak reference is cleared. */
class WeakListenerTest {

    interface Listener {
        void on(String event);

        default int priority() {
            return 7;
        }
    }

    /** A subject that iterates its own list while dispatching, as many hand-written ones do. */
    static final class Subject {
        final List<Listener> listeners = new ArrayList<>();
        int removals;

        void add(Listener l) {
            listeners.add(l);
        }

        void remove(Listener l) {
            removals++;
            listeners.remove(l);
        }

        void fire(String event) {
            for (Listener l : listeners) {
                l.on(event);
            }
        }
    }

    /** An owner that follows the rule: the delegate lives in its field. */
    static final class Owner {
        final List<String> seen = new ArrayList<>();
        final Listener onEvent = seen::add;

        Owner(Subject subject, Executor removeOn) {
            subject.add(WeakListener.of(Listener.class, onEvent, subject::remove, removeOn));
        }
    }

    @Test
    void passes_events_on_while_the_owner_keeps_the_delegate() {
        Subject subject = new Subject();
        Owner owner = new Owner(subject, Runnable::run);
        collect(new WeakReference<>(new Object()));
        subject.fire("a");
        subject.fire("b");
        assertEquals(List.of("a", "b"), owner.seen);
        assertEquals(7, subject.listeners.get(0).priority(), "default methods reach the delegate");
    }

    @Test
    void the_subject_no_longer_keeps_the_owner_and_the_wrapper_removes_itself_at_the_next_event() {
        Subject subject = new Subject();
        List<Runnable> later = new ArrayList<>();
        WeakReference<Owner> owner = register(subject, later);
        assertTrue(collect(owner), "the owner is collectable although its listener is registered");

        subject.fire("after");
        assertEquals(1, subject.listeners.size(), "removal waits for the executor: no change during dispatch");
        assertEquals(1, later.size());
        later.forEach(Runnable::run);
        assertTrue(subject.listeners.isEmpty());
        assertEquals(1, subject.removals);
    }

    private static WeakReference<Owner> register(Subject subject, List<Runnable> later) {
        Owner o = new Owner(subject, later::add);
        subject.fire("before");
        assertEquals(List.of("before"), o.seen);
        return new WeakReference<>(o);
    }

    @Test
    void removal_happens_once() {
        Subject subject = new Subject();
        AtomicInteger removes = new AtomicInteger();
        Listener wrapper = WeakListener.of(Listener.class, inlineDelegate(), l -> removes.incrementAndGet());
        subject.add(wrapper);
        collectSoon();
        wrapper.on("x");
        wrapper.on("y");
        assertEquals(1, removes.get());
    }

    @Test
    void an_inline_delegate_nothing_else_holds_is_collected_and_the_callback_stops() {
        // the rule's reason: this is what happens without a strong reference in the owner
        List<String> seen = new ArrayList<>();
        Listener wrapper = WeakListener.of(Listener.class, seen::add);
        collectSoon();
        wrapper.on("lost");
        assertTrue(seen.isEmpty());
        assertEquals(0, wrapper.priority(), "a collected delegate answers with the return type's default");
        assertTrue(wrapper.toString().endsWith("(collected)"), wrapper.toString());
    }

    @Test
    void works_with_jdk_listener_interfaces() {
        PropertyChangeSupport pcs = new PropertyChangeSupport(this);
        List<Object> seen = new ArrayList<>();
        PropertyChangeListener delegate = e -> seen.add(e.getNewValue());
        PropertyChangeListener wrapper = WeakListener.of(
                PropertyChangeListener.class, delegate, l -> pcs.removePropertyChangeListener("price", l));
        pcs.addPropertyChangeListener("price", wrapper);
        pcs.firePropertyChange("price", 1, 2);
        assertEquals(List.of(2), seen);
        assertTrue(WeakListener.isWeak(pcs.getPropertyChangeListeners("price")[0]));
    }

    @Test
    void a_wrapper_equals_only_itself_and_never_asks_the_delegate() {
        Listener hostile = new Listener() {
            @Override
            public void on(String event) {}

            @Override
            public boolean equals(Object o) {
                throw new IllegalStateException("equals");
            }

            @Override
            public int hashCode() {
                throw new IllegalStateException("hashCode");
            }

            @Override
            public String toString() {
                throw new IllegalStateException("toString");
            }
        };
        Listener a = WeakListener.of(Listener.class, hostile);
        Listener b = WeakListener.of(Listener.class, hostile);
        assertEquals(a, a);
        assertNotEquals(a, b);
        assertEquals(System.identityHashCode(a), a.hashCode());
        assertEquals("WeakListener<" + Listener.class.getName() + ">", a.toString());
        List<Listener> list = new ArrayList<>(List.of(a, b));
        list.remove(b);
        assertSame(a, list.get(0));
    }

    @Test
    void the_delegates_exceptions_reach_the_subject_unchanged() {
        IllegalStateException thrown = new IllegalStateException("boom");
        Listener delegate = e -> {
            throw thrown;
        };
        Listener wrapper = WeakListener.of(Listener.class, delegate);
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> wrapper.on("x")));
    }

    @Test
    void a_failing_remove_action_is_dropped() {
        Listener wrapper = WeakListener.of(Listener.class, inlineDelegate(), l -> {
            throw new UnsupportedOperationException("no");
        });
        collectSoon();
        wrapper.on("x"); // no exception into the subject's dispatch
    }

    @Test
    void bad_arguments_are_named() {
        Runnable task = () -> {};
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> WeakListener.of(Object.class, task));
        assertTrue(e.getMessage().contains("java.lang.Object is a class"), e.getMessage());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> raw = (Class) Listener.class; // raw types in user code get this far
        e = assertThrows(IllegalArgumentException.class, () -> WeakListener.of(raw, task));
        assertTrue(e.getMessage().contains("is not a " + Listener.class.getName()), e.getMessage());
        assertThrows(NullPointerException.class, () -> WeakListener.of(Listener.class, null));
        assertFalse(WeakListener.isWeak(task));
        assertFalse(WeakListener.isWeak(null));
    }

    private static Listener inlineDelegate() {
        List<String> sink = new ArrayList<>();
        return sink::add;
    }

    /** Collects until nothing but a weak reference holds a fresh object: the inline delegates made before are gone. */
    private static void collectSoon() {
        assertTrue(collect(new WeakReference<>(new Object())));
    }

    private static boolean collect(WeakReference<?> ref) {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ref.get() == null;
    }
}
