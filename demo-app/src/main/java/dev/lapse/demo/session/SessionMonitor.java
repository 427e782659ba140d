package dev.lapse.demo.session;

import dev.lapse.weak.WeakListener;

/** Shows whether the connection is alive while a user session is open. */
public final class SessionMonitor implements AutoCloseable {
    /** The fix: the monitor holds its listener strongly, the heartbeat only weakly. */
    private final HeartbeatListener onBeat = this::beat;

    private long lastBeat;

    public SessionMonitor(Heartbeat heartbeat, boolean fixed) {
        if (fixed) {
            heartbeat.addHeartbeatListener(WeakListener.of(HeartbeatListener.class, onBeat));
        } else {
            heartbeat.addHeartbeatListener(sequence -> lastBeat = sequence);
        }
    }

    private void beat(long sequence) {
        lastBeat = sequence;
    }

    public long lastBeat() {
        return lastBeat;
    }

    @Override
    public void close() {
        // the heartbeat has no remove method: nothing to undo here
    }
}
