package dev.lapse.demo.alerts;

/** Counts the alerts while a workspace is open. */
public final class AlertBadge implements AutoCloseable {
    /** The fix: the badge keeps the subscription so that it can close it. */
    private final AlertFeed.Subscription subscription;

    private int count;

    public AlertBadge(AlertFeed alerts, boolean fixed) {
        AlertFeed.Subscription s = alerts.subscribe(text -> count++);
        subscription = fixed ? s : null; // the bug: the handle is dropped, so nothing can ever undo it
    }

    public int count() {
        return count;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
