package dev.lapse.it.scenario;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Handles chained the way an operator library chains them (RxJava's {@code map}, {@code repeatWhen}): subscribing to
 * an operator subscribes, inside that call, to its upstream with an inner consumer, and so on to the long-lived
 * source. Each {@code subscribe} returns the handle that undoes it; there is no remove method. A screen subscribes to
 * two operators over the application's {@link #TICKS} and cancels its handle when it closes. The operators' handles
 * forget to cancel their upstream subscriptions (the shape of ReactiveX/RxJava#4782), so the source still holds the
 * inner consumers and, through them, the screen, while the operator the screen subscribed to is held by nothing; with
 * {@code fixed} as the argument they cancel them. Another screen, still on display, keeps its chain and has no end.
 */
public final class ChainedHandles {
    /** The long-lived source: application-wide ticks. */
    static final Source TICKS = new Source();

    static Screen onDisplay;

    private ChainedHandles() {}

    /** The handle {@code subscribe} returns: {@code cancel()} undoes the subscription. */
    public static final class Subscription {
        private final Runnable undo;

        Subscription(Runnable undo) {
            this.undo = undo;
        }

        public void cancel() {
            undo.run();
        }
    }

    /** What can be subscribed to. */
    interface Feed {
        Subscription subscribe(Consumer<String> consumer);
    }

    /** The source: keeps its consumers until their handles are cancelled. */
    public static final class Source implements Feed {
        private final List<Consumer<String>> consumers = new CopyOnWriteArrayList<>();

        @Override
        public Subscription subscribe(Consumer<String> consumer) {
            consumers.add(consumer);
            return new Subscription(() -> consumers.removeIf(c -> c == consumer));
        }

        void publish(String item) {
            consumers.forEach(c -> c.accept(item));
        }
    }

    /** The handle an operator returns: the bug forgets the upstream subscription, the fix cancels it. */
    static Subscription undoing(Subscription upstream, boolean fixed) {
        return new Subscription(fixed ? upstream::cancel : () -> {});
    }

    /**
     * An operator that prefixes each item: subscribing to it subscribes to its upstream, inside the same call, with a
     * consumer that holds the operator.
     */
    public static final class Prefixed implements Feed {
        private final Feed upstream;
        private final String prefix;
        private final boolean fixed;

        Prefixed(Feed upstream, String prefix, boolean fixed) {
            this.upstream = upstream;
            this.prefix = prefix;
            this.fixed = fixed;
        }

        @Override
        public Subscription subscribe(Consumer<String> downstream) {
            return undoing(upstream.subscribe(item -> downstream.accept(prefix + item)), fixed);
        }
    }

    /** An operator that trims each item; its consumer holds nothing of it, so nothing holds it once subscribed. */
    public static final class Trimmed implements Feed {
        private final Feed upstream;
        private final boolean fixed;

        Trimmed(Feed upstream, boolean fixed) {
            this.upstream = upstream;
            this.fixed = fixed;
        }

        @Override
        public Subscription subscribe(Consumer<String> downstream) {
            return undoing(upstream.subscribe(item -> downstream.accept(item.trim())), fixed);
        }
    }

    /** Shows the ticks while it is open; cancels its subscription when it closes. */
    public static final class Screen {
        private final StringBuilder shown = new StringBuilder();
        private final boolean fixed;
        private Subscription subscription;

        Screen(boolean fixed) {
            this.fixed = fixed;
        }

        void open() {
            subscription = new Trimmed(new Prefixed(TICKS, "tick ", fixed), fixed).subscribe(this::show);
        }

        void show(String item) {
            shown.append(item);
        }

        public void close() {
            subscription.cancel();
        }
    }

    public static void main(String[] args) {
        boolean fixed = args.length > 0 && args[0].equals("fixed");
        Screen closed = new Screen(fixed);
        closed.open();
        closed.close();
        onDisplay = new Screen(fixed);
        onDisplay.open();
        TICKS.publish("1");
    }
}
