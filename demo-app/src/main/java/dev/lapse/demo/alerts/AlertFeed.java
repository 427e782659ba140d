package dev.lapse.demo.alerts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application's alerts. Its API is handle-based, like RxJava's: {@link #subscribe} returns the
 * {@link Subscription} that undoes it, and there is no remove method.
 */
public final class AlertFeed {
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();

    /** Registers {@code listener}; closing the returned subscription removes it. */
    public Subscription subscribe(AlertListener listener) {
        listeners.add(listener);
        return new Subscription(listener);
    }

    public void publish(String text) {
        for (AlertListener l : listeners) {
            l.alert(text);
        }
    }

    public int listenerCount() {
        return listeners.size();
    }

    /** Undoes one {@link #subscribe}. */
    public final class Subscription implements AutoCloseable {
        private final AlertListener listener;

        Subscription(AlertListener listener) {
            this.listener = listener;
        }

        @Override
        public void close() {
            listeners.remove(listener);
        }
    }
}
