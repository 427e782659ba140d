package dev.lapse.demo.session;

import java.lang.ref.WeakReference;

/**
 * Holds a heartbeat listener weakly and forwards to it while it lives. Safe only when the owner of the delegate
 * keeps a strong reference to it (a field), or the delegate is collected at the next GC and the callback
 * silently stops.
 */
public final class WeakHeartbeatListener implements HeartbeatListener {
    private final WeakReference<HeartbeatListener> delegate;

    public WeakHeartbeatListener(HeartbeatListener delegate) {
        this.delegate = new WeakReference<>(delegate);
    }

    @Override
    public void beat(long sequence) {
        HeartbeatListener l = delegate.get();
        if (l != null) {
            l.beat(sequence);
        }
    }
}
