package dev.lapse.demo.session;

/** Called on every heartbeat of the server connection. */
@FunctionalInterface
public interface HeartbeatListener {
    void beat(long sequence);
}
