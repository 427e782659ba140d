package dev.lapse.corpus.netty;

import dev.lapse.corpus.Verdict;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultNameResolver;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import java.lang.ref.WeakReference;
import java.net.InetSocketAddress;

/**
 * netty/netty#10011: {@code AddressResolverGroup.getResolver(executor)} adds a listener to the executor's
 * {@code terminationFuture()} (to drop its resolver when the executor terminates) and {@code close()} never removes
 * it, so a closed group stays reachable from an executor that outlives it: several clients sharing one event loop
 * group, each with a resolver group of its own. Fixed in 4.1.46.Final (#10012): {@code close()} removes the
 * listeners. The driver is such a client: its own resolver group on a shared executor, closed when the client is.
 */
public final class ResolverGroupDriver {
    /** The long-lived subject: the event executor every client of the application shares. */
    static final EventExecutor SHARED = Verdict.longLived(new DefaultEventExecutor());

    private ResolverGroupDriver() {}

    public static void main(String[] args) {
        Verdict.report(connectAndClose());
    }

    private static WeakReference<Object> connectAndClose() {
        ClientResolverGroup resolvers = new ClientResolverGroup();
        resolvers.getResolver(SHARED);
        resolvers.close();
        return new WeakReference<>(resolvers);
    }

    /** A client's own resolver group, as a client that resolves its host in a way of its own has. */
    static final class ClientResolverGroup extends AddressResolverGroup<InetSocketAddress> {
        @Override
        protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
            return new DefaultNameResolver(executor).asAddressResolver();
        }
    }
}
