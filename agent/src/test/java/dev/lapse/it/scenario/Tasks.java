package dev.lapse.it.scenario;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Tasks on schedulers that outlive the components that scheduled them. Two components leak: one schedules
 * {@code this::refresh} at a fixed rate on a shared {@code ScheduledThreadPoolExecutor} and never cancels it, one an
 * anonymous {@code TimerTask} on a shared {@code Timer}. The others are healthy: one cancels its
 * {@code ScheduledFuture} in {@code close()} (the executor removes cancelled tasks), one cancels its
 * {@code TimerTask} and purges the timer, one's one-shot task ran before it closed, one shut its own executor down,
 * and one is still open. The JDK's own delayed tasks ({@code CompletableFuture#orTimeout}) are not the
 * application's.
 *
 * <p>Cancelled but still queued: two components cancel their task in {@code close()} on a scheduler that keeps
 * cancelled tasks until their time comes (an executor without {@code setRemoveOnCancelPolicy(true)}, a timer never
 * purged), so the cancel removed nothing yet. Not so one that purges the executor after its cancel, and one whose
 * one-shot task ran before its cancel.
 */
public final class Tasks {
    static final ScheduledThreadPoolExecutor SHARED = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "shared-scheduler");
        t.setDaemon(true); // the JVM exits and writes its report with the shared executor still running
        return t;
    });
    static final Timer TIMER = new Timer("shared-timer", true);
    /** Keeps cancelled tasks queued until their delay passes: the executor's default. */
    static final ScheduledThreadPoolExecutor KEEPS_CANCELLED = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "keeps-cancelled");
        t.setDaemon(true);
        return t;
    });

    static Object open;

    static {
        SHARED.setRemoveOnCancelPolicy(true);
    }

    private Tasks() {}

    /** Schedules its refresh and never cancels it. */
    public static final class LeakingRefresher {
        LeakingRefresher() {
            SHARED.scheduleAtFixedRate(this::refresh, 1, 1, TimeUnit.HOURS);
        }

        void refresh() {}

        public void close() {}
    }

    /** Keeps its future and cancels it when closed. */
    public static final class CancellingRefresher {
        private final ScheduledFuture<?> refresh;

        CancellingRefresher() {
            refresh = SHARED.scheduleWithFixedDelay(this::refresh, 1, 1, TimeUnit.HOURS);
        }

        void refresh() {}

        public void close() {
            refresh.cancel(false);
        }
    }

    /** A one-shot task that ran before the component closed. */
    public static final class OneShot {
        private final CountDownLatch ran = new CountDownLatch(1);

        OneShot() throws InterruptedException {
            SHARED.schedule(this::once, 1, TimeUnit.MILLISECONDS);
            ran.await();
        }

        void once() {
            ran.countDown();
        }

        public void close() {}
    }

    /** Schedules on an executor of its own and shuts it down. */
    public static final class OwnExecutor {
        private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

        OwnExecutor() {
            executor.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.HOURS);
        }

        void tick() {}

        public void close() {
            executor.shutdown();
        }
    }

    /** An anonymous timer task, never cancelled. */
    public static final class LeakingTimerUser {
        LeakingTimerUser() {
            TIMER.scheduleAtFixedRate(
                    new TimerTask() {
                        @Override
                        public void run() {
                            poll();
                        }
                    },
                    3_600_000,
                    3_600_000);
        }

        void poll() {}

        public void close() {}
    }

    /** Keeps its timer task and cancels it when closed. */
    public static final class CancellingTimerUser {
        private final TimerTask task = new TimerTask() {
            @Override
            public void run() {
                poll();
            }
        };

        CancellingTimerUser() {
            TIMER.schedule(task, 3_600_000, 3_600_000);
        }

        void poll() {}

        public void close() {
            task.cancel();
            TIMER.purge();
        }
    }

    /** Cancels its task in close() on an executor that keeps cancelled tasks queued. */
    public static final class CancelledButQueued {
        private final ScheduledFuture<?> refresh;

        CancelledButQueued() {
            refresh = KEEPS_CANCELLED.scheduleAtFixedRate(this::refresh, 1, 1, TimeUnit.HOURS);
        }

        void refresh() {}

        public void close() {
            refresh.cancel(false);
        }
    }

    /** Cancels its task in close() and purges the executor, which takes cancelled tasks out of its queue. */
    public static final class CancelledAndPurged {
        private final ScheduledFuture<?> refresh;

        CancelledAndPurged() {
            refresh = KEEPS_CANCELLED.scheduleWithFixedDelay(this::refresh, 1, 1, TimeUnit.HOURS);
        }

        void refresh() {}

        public void close() {
            refresh.cancel(false);
            KEEPS_CANCELLED.purge();
        }
    }

    /** Cancels, in close(), a one-shot task that ran already: nothing of it is queued. */
    public static final class RanThenCancelled {
        private final CountDownLatch ran = new CountDownLatch(1);
        private final ScheduledFuture<?> once;

        RanThenCancelled() throws InterruptedException {
            once = KEEPS_CANCELLED.schedule(this::once, 1, TimeUnit.MILLISECONDS);
            ran.await();
        }

        void once() {
            ran.countDown();
        }

        public void close() {
            once.cancel(false);
        }
    }

    /** Cancels its timer task in close() and never purges the timer. */
    public static final class CancelledTimerTask {
        private final TimerTask task = new TimerTask() {
            @Override
            public void run() {
                poll();
            }
        };

        CancelledTimerTask() {
            TIMER.schedule(task, 3_600_000, 3_600_000);
        }

        void poll() {}

        public void close() {
            task.cancel();
        }
    }

    public static void main(String[] args) throws Exception {
        java.util.concurrent.CompletableFuture<String> pending = new java.util.concurrent.CompletableFuture<>();
        pending.orTimeout(1, TimeUnit.HOURS);
        Object[] keep = {new LeakingRefresher(), new CancellingRefresher(), new OneShot(), new OwnExecutor()};
        Object[] timers = {new LeakingTimerUser(), new CancellingTimerUser()};
        ((LeakingRefresher) keep[0]).close();
        ((CancellingRefresher) keep[1]).close();
        ((OneShot) keep[2]).close();
        ((OwnExecutor) keep[3]).close();
        ((LeakingTimerUser) timers[0]).close();
        ((CancellingTimerUser) timers[1]).close();
        open = new LeakingRefresher();
        Object[] cancelled = {
            new CancelledButQueued(), new CancelledAndPurged(), new RanThenCancelled(), new CancelledTimerTask()
        };
        ((CancelledButQueued) cancelled[0]).close();
        ((CancelledAndPurged) cancelled[1]).close();
        ((RanThenCancelled) cancelled[2]).close();
        ((CancelledTimerTask) cancelled[3]).close();
        cancelled = null;
        keep = null;
        timers = null;
        System.gc();
    }
}
