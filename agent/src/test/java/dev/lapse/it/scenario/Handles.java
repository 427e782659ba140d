package dev.lapse.it.scenario;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An application's own handle-based API: {@code subscribe} returns the handle that undoes it and there is no
 * remove method. One owner drops its handle (collected: nothing can undo the registration), one closes its
 * handle, one closes a lambda handle (a hidden class Lapse cannot instrument; the subject no longer holding the
 * listener is what clears it), and one is still in use.
 */
public final class Handles {
    static final Feed FEED = new Feed();
    static Object inUse;

    private Handles() {}

    /** A subject whose subscriptions are undone through the handle they return. */
    public static final class Feed {
        private final List<Consumer<String>> consumers = new CopyOnWriteArrayList<>();

        public Subscription subscribe(Consumer<String> consumer) {
            consumers.add(consumer);
            return new Subscription(this, consumer);
        }

        public AutoCloseable subscribeQuietly(Consumer<String> consumer) {
            consumers.add(consumer);
            return () -> consumers.remove(consumer);
        }

        void publish(String item) {
            consumers.forEach(c -> c.accept(item));
        }
    }

    /** The handle: {@code cancel()} undoes the subscription. */
    public static final class Subscription {
        private final Feed feed;
        private final Consumer<String> consumer;

        Subscription(Feed feed, Consumer<String> consumer) {
            this.feed = feed;
            this.consumer = consumer;
        }

        public void cancel() {
            feed.consumers.remove(consumer);
        }
    }

    /** Drops its handle. */
    public static final class DroppingTicker {
        DroppingTicker() {
            FEED.subscribe(this::onItem);
        }

        void onItem(String item) {}

        public void stop() {}
    }

    /** Keeps its handle and cancels it when stopped. */
    public static final class CancellingTicker {
        private final Subscription subscription;

        CancellingTicker() {
            subscription = FEED.subscribe(this::onItem);
        }

        void onItem(String item) {}

        public void stop() {
            subscription.cancel();
        }
    }

    /** Closes a lambda handle. */
    public static final class LambdaHandleTicker {
        private final AutoCloseable subscription;

        LambdaHandleTicker() {
            subscription = FEED.subscribeQuietly(this::onItem);
        }

        void onItem(String item) {}

        public void stop() throws Exception {
            subscription.close();
        }
    }

    public static void main(String[] args) throws Exception {
        new DroppingTicker().stop();
        new CancellingTicker().stop();
        new LambdaHandleTicker().stop();
        inUse = new DroppingTicker();
        System.gc();
        FEED.publish("item");
    }
}
