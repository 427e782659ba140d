package dev.lapse.demo.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection's heartbeat, from a library the application cannot change: it has an add method and no remove
 * method, so the only fix for a short-lived listener is a weak wrapper.
 */
public final class Heartbeat {
    private final List<HeartbeatListener> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    public void addHeartbeatListener(HeartbeatListener listener) {
        listeners.add(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }

    public void beat() {
        sequence++;
        for (HeartbeatListener l : listeners) {
            l.beat(sequence);
        }
    }
}
