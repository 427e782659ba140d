package dev.lapse.demo.alerts;

import dev.lapse.weak.WeakListener;

/**
 * The window's status bar: shows the last alert for the life of the application, so its listener legitimately
 * lives as long as the feed. It listens through a weak wrapper; the bug is that nothing but the wrapper holds the
 * lambda, so the first garbage collection takes it and the status bar silently stops updating.
 */
public final class StatusBar {
    /** The fix: the status bar holds its listener strongly, the feed only weakly. */
    private final AlertListener onAlert;

    private String text = "";

    public StatusBar(AlertFeed alerts, boolean fixed) {
        onAlert = fixed ? this::show : null;
        alerts.subscribe(WeakListener.of(AlertListener.class, fixed ? onAlert : this::show));
    }

    private void show(String alert) {
        text = alert;
    }

    public String text() {
        return text;
    }
}
