package dev.lapse.demo.dashboard;

import dev.lapse.weak.WeakListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The workspace's sales figure: refreshed every minute on the application's shared scheduler, and saved once more
 * when the application shuts down. By default it never cancels its refresh and hands the shutdown future an action
 * that captures it, so the scheduler's queue and the future's dependents keep every closed tile.
 */
public final class SalesTile implements AutoCloseable {
    /** The fix: the tile holds its shutdown action strongly, the future only weakly. */
    private final BiConsumer<Object, Throwable> onShutdown = (v, e) -> save();

    private final ScheduledFuture<?> refresh;
    private final boolean fixed;
    private int refreshes;

    public SalesTile(ScheduledExecutorService scheduler, CompletableFuture<Void> shutdown, boolean fixed) {
        this.fixed = fixed;
        refresh = scheduler.scheduleAtFixedRate(this::refresh, 1, 1, TimeUnit.MINUTES);
        if (fixed) {
            shutdown.whenComplete(WeakListener.of(BiConsumer.class, onShutdown));
        } else {
            shutdown.whenComplete((v, e) -> save());
        }
    }

    /** Shows the figure now, as the scheduler will every minute. */
    public void refresh() {
        refreshes++;
    }

    private void save() {}

    public int refreshes() {
        return refreshes;
    }

    @Override
    public void close() {
        if (fixed) {
            refresh.cancel(false);
        }
        // the shutdown future has no way to take an action off: the weak callback is the fix there
    }
}
