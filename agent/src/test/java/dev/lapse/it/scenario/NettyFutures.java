package dev.lapse.it.scenario;

import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;

/**
 * Listeners on Netty futures that outlive the components that added them, with no network: an
 * {@code EmbeddedChannel}'s {@code closeFuture()} and an event executor's {@code terminationFuture()}, both pending
 * for the life of the application. Two components leak: one adds a lambda to the channel's close future, one an
 * anonymous listener to the executor's termination future, and neither removes it. The others are healthy: one keeps
 * its listener and removes it in {@code close()}, one listens to a channel that closed (a completed future lets go
 * of its listeners), and one is still open.
 */
public final class NettyFutures {
    static final EmbeddedChannel CHANNEL = new EmbeddedChannel();
    static final DefaultEventExecutor EXECUTOR = new DefaultEventExecutor();
    static Object open;

    private NettyFutures() {}

    /** Watches the channel close and never stops. */
    public static final class LeakingWatcher {
        LeakingWatcher(EmbeddedChannel channel) {
            channel.closeFuture().addListener(f -> onClosed());
        }

        void onClosed() {}

        public void close() {}
    }

    /** Keeps its listener and removes it when closed. */
    public static final class RemovingWatcher {
        private final GenericFutureListener<Future<? super Void>> onClose = f -> onClosed();
        private final ChannelFuture closeFuture;

        RemovingWatcher(EmbeddedChannel channel) {
            closeFuture = channel.closeFuture();
            closeFuture.addListener(onClose);
        }

        void onClosed() {}

        public void close() {
            closeFuture.removeListener(onClose);
        }
    }

    /** Waits for the executor to terminate, which it does only at shutdown. */
    public static final class LeakingTerminationWatcher {
        LeakingTerminationWatcher() {
            EXECUTOR.terminationFuture().addListener(new GenericFutureListener<Future<Object>>() {
                @Override
                public void operationComplete(Future<Object> future) {
                    flush();
                }
            });
        }

        void flush() {}

        public void close() {}
    }

    public static void main(String[] args) {
        new LeakingWatcher(CHANNEL).close();
        new RemovingWatcher(CHANNEL).close();
        new LeakingTerminationWatcher().close();
        EmbeddedChannel shortLived = new EmbeddedChannel();
        new LeakingWatcher(shortLived).close();
        shortLived.close();
        open = new LeakingWatcher(CHANNEL);
        System.gc();
    }
}
