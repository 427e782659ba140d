package dev.lapse.demo.alerts;

/** Receives alerts from an {@link AlertFeed}. */
@FunctionalInterface
public interface AlertListener {
    void alert(String text);
}
