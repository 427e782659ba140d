package dev.lapse.it.scenario;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import dev.lapse.weak.WeakListener;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Dependent actions on futures that outlive the components that attached them. Four components leak: one attaches
 * {@code whenComplete} to a future that completes only at shutdown, one {@code thenAcceptAsync}, one adds a
 * listener to a Guava {@code SettableFuture} that is never set, one hands that future a callback through Guava's
 * {@code Futures.addCallback}. The others are healthy: one's future completed after it closed (completion releases
 * the dependents), one's Guava futures were set, one attached to a future already complete, two give the future a
 * weak callback and keep the callback itself, and one is still open.
 */
public final class Futures {
    static final CompletableFuture<String> SHUTDOWN = new CompletableFuture<>();
    static final CompletableFuture<String> LATER = new CompletableFuture<>();
    static final SettableFuture<String> GUAVA_SHUTDOWN = SettableFuture.create();
    static final SettableFuture<String> GUAVA_LATER = SettableFuture.create();
    static Object open;

    private Futures() {}

    /** Saves when the application shuts down, long after it closed. */
    public static final class LeakingSaver {
        LeakingSaver() {
            SHUTDOWN.whenComplete((v, e) -> save());
        }

        void save() {}

        public void close() {}
    }

    /** Accepts the result asynchronously, long after it closed. */
    public static final class LeakingConsumer {
        LeakingConsumer() {
            SHUTDOWN.thenAcceptAsync(this::accept);
        }

        void accept(String value) {}

        public void close() {}
    }

    /** Waits on a future that completes after it closed. */
    public static final class CompletedSaver {
        CompletedSaver() {
            LATER.whenComplete((v, e) -> save());
        }

        void save() {}

        public void close() {}
    }

    /** Attaches to a future already complete: the action runs at once and is not kept. */
    public static final class Immediate {
        Immediate() {
            CompletableFuture.completedFuture("done").thenRun(this::run);
        }

        void run() {}

        public void close() {}
    }

    /** Gives the future a weak callback and keeps the callback itself. */
    public static final class WeakSaver {
        private final BiConsumer<String, Throwable> onDone = (v, e) -> save();

        WeakSaver() {
            SHUTDOWN.whenComplete(WeakListener.of(BiConsumer.class, onDone));
        }

        void save() {}

        public void close() {}
    }

    /** A listener on a Guava future never set. */
    public static final class GuavaListener {
        GuavaListener(SettableFuture<String> future) {
            future.addListener(this::done, MoreExecutors.directExecutor());
        }

        void done() {}

        public void close() {}
    }

    /** Hands a Guava future a callback through {@code Futures.addCallback}, which wraps it for the future. */
    public static final class GuavaCallback {
        GuavaCallback(SettableFuture<String> future) {
            com.google.common.util.concurrent.Futures.addCallback(
                    future,
                    new FutureCallback<String>() {
                        @Override
                        public void onSuccess(String result) {
                            save();
                        }

                        @Override
                        public void onFailure(Throwable t) {}
                    },
                    MoreExecutors.directExecutor());
        }

        void save() {}

        public void close() {}
    }

    /** Keeps its callback and gives {@code Futures.addCallback} a weak one. */
    public static final class WeakGuavaCallback {
        private final FutureCallback<String> callback = new FutureCallback<String>() {
            @Override
            public void onSuccess(String result) {
                save();
            }

            @Override
            public void onFailure(Throwable t) {}
        };

        WeakGuavaCallback() {
            com.google.common.util.concurrent.Futures.addCallback(
                    GUAVA_SHUTDOWN, WeakListener.of(FutureCallback.class, callback), MoreExecutors.directExecutor());
        }

        void save() {}

        public void close() {}
    }

    public static void main(String[] args) {
        LeakingSaver saver = new LeakingSaver();
        LeakingConsumer consumer = new LeakingConsumer();
        CompletedSaver completed = new CompletedSaver();
        Immediate immediate = new Immediate();
        WeakSaver weak = new WeakSaver();
        saver.close();
        consumer.close();
        completed.close();
        immediate.close();
        weak.close();
        new GuavaListener(GUAVA_SHUTDOWN).close();
        new GuavaListener(GUAVA_LATER).close();
        new GuavaCallback(GUAVA_SHUTDOWN).close();
        new GuavaCallback(GUAVA_LATER).close();
        new WeakGuavaCallback().close();
        LATER.complete("now");
        GUAVA_LATER.set("now");
        open = new LeakingSaver();
        System.gc();
    }
}
