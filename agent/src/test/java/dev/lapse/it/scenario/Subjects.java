package dev.lapse.it.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Application subjects the scenarios register on, written the way application code writes them. */
public final class Subjects {
    private Subjects() {}

    public interface ChangeListener {
        void changed(String what);
    }

    /** The usual add/remove pair over a {@code CopyOnWriteArrayList}. */
    public static final class Model {
        private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }

        public void fire(String what) {
            for (ChangeListener l : listeners) {
                l.changed(what);
            }
        }

        public int size() {
            return listeners.size();
        }
    }

    /** A pair with a key argument: listeners per topic. */
    public static final class TopicBus {
        private final java.util.Map<String, List<ChangeListener>> byTopic =
                new java.util.concurrent.ConcurrentHashMap<>();

        public void addListener(String topic, ChangeListener l) {
            byTopic.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(l);
        }

        public void removeListener(String topic, ChangeListener l) {
            List<ChangeListener> list = byTopic.get(topic);
            if (list != null) {
                list.remove(l);
            }
        }
    }

    public interface TickListener {
        void tick(long n);
    }

    /** An add method with no remove method at all. */
    public static final class Clock {
        private final List<TickListener> listeners = new CopyOnWriteArrayList<>();

        public void addTickListener(TickListener l) {
            listeners.add(l);
        }
    }

    /**
     * Stores and removes listeners by identity only, so listeners whose {@code equals} or {@code hashCode} throw
     * work with it (without the agent as with it).
     */
    public static final class IdentityModel {
        private final List<ChangeListener> listeners = new ArrayList<>();

        public synchronized void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public synchronized void removeChangeListener(ChangeListener l) {
            for (int i = 0; i < listeners.size(); i++) {
                if (listeners.get(i) == l) {
                    listeners.remove(i);
                    return;
                }
            }
        }

        public synchronized int size() {
            return listeners.size();
        }

        public synchronized void fire(String what) {
            for (ChangeListener l : listeners) {
                l.changed(what);
            }
        }
    }

    /** Holds its listeners weakly: a listener registered here never keeps its owner alive. */
    public static final class WeakModel {
        private final java.util.Map<ChangeListener, Boolean> listeners =
                java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        public void addChangeListener(ChangeListener l) {
            listeners.put(l, Boolean.TRUE);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }
    }
}
