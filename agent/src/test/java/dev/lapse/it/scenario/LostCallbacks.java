package dev.lapse.it.scenario;

import dev.lapse.weak.WeakListener;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Callbacks lost before they ran. A task system of the application's that holds its callbacks weakly, so that it
 * "cannot leak": one component hands it a lambda nothing else holds, which the first collection takes while the
 * component lives on, so it will never run; and a component gives a pending {@code CompletableFuture} lapse-weak's
 * wrapper around a lambda written inline. Not lost: a callback the component keeps in a field, one whose task ran
 * before the collection (the system let go of its entry), one of a component that was closed, and a one-shot task
 * whose weak wrapper ran before the collection.
 */
public final class LostCallbacks {
    static final WeakTasks TASKS = new WeakTasks();
    static final WeakTasks ONCE = new WeakTasks();
    static final CompletableFuture<String> SHUTDOWN = new CompletableFuture<>();
    static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "lost-callbacks");
        t.setDaemon(true);
        return t;
    });
    /** The components, alive to the end. */
    static final List<Object> ALIVE = new ArrayList<>();

    private LostCallbacks() {}

    /** Holds the callbacks it is given weakly, and lets go of each once it ran or was removed. */
    public static final class WeakTasks {
        private final List<WeakReference<Runnable>> pending = new ArrayList<>();

        public synchronized void addCallback(Runnable callback) {
            pending.add(new WeakReference<>(callback));
        }

        public synchronized void removeCallback(Runnable callback) {
            pending.removeIf(r -> r.get() == callback);
        }

        /** Runs what is pending, once. */
        public synchronized int runAll() {
            int ran = 0;
            for (WeakReference<Runnable> r : pending) {
                Runnable callback = r.get();
                if (callback != null) {
                    callback.run();
                    ran++;
                }
            }
            pending.clear();
            return ran;
        }

        /** How many of the pending callbacks are still there, without running them. */
        public synchronized int alive() {
            int alive = 0;
            for (WeakReference<Runnable> r : pending) {
                alive += r.get() == null ? 0 : 1;
            }
            return alive;
        }
    }

    /** Hands the task system a lambda and keeps nothing of it. */
    public static final class Forgetful {
        Forgetful(WeakTasks tasks) {
            tasks.addCallback(() -> save());
        }

        void save() {}
    }

    /** Keeps the callback it hands over. */
    public static final class Keeper {
        private final Runnable onDone = this::save;

        Keeper() {
            TASKS.addCallback(onDone);
        }

        void save() {}
    }

    /** Hands over a lambda and is closed before the collection: a callback of a closed component is no loss. */
    public static final class Closed {
        Closed() {
            TASKS.addCallback(() -> save());
        }

        void save() {}

        public void close() {}
    }

    /** Gives a pending future lapse-weak's wrapper around a lambda written inline. */
    public static final class InlineWeakSaver {
        InlineWeakSaver() {
            SHUTDOWN.whenComplete(WeakListener.of(BiConsumer.class, (v, e) -> save()));
        }

        void save() {}
    }

    /** A one-shot task in lapse-weak's wrapper, which ran before the collection. */
    public static final class RanOnce {
        private final CountDownLatch ran = new CountDownLatch(1);

        RanOnce() throws InterruptedException {
            EXECUTOR.schedule(WeakListener.of(Runnable.class, () -> ran.countDown()), 1, TimeUnit.MILLISECONDS);
            ran.await();
        }
    }

    public static void main(String[] args) throws Exception {
        ALIVE.add(new Forgetful(TASKS));
        ALIVE.add(new Keeper());
        Closed closed = new Closed();
        closed.close();
        ALIVE.add(closed);
        ALIVE.add(new Forgetful(ONCE));
        if (ONCE.runAll() != 1) {
            throw new AssertionError("the task that was to run first did not run");
        }
        ALIVE.add(new InlineWeakSaver());
        ALIVE.add(new RanOnce());
        System.gc();
        if (TASKS.alive() != 1) {
            throw new AssertionError("only the callback its owner keeps should have been left to run");
        }
    }
}
