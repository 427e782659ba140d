package dev.lapse.corpus.xmemcached;

import dev.lapse.corpus.Verdict;
import java.lang.ref.WeakReference;
import net.rubyeye.xmemcached.XMemcachedClient;

/**
 * killme2008/xmemcached#1: every {@code XMemcachedClient} registers a JVM shutdown hook (a thread that shuts the client
 * down) and {@code shutdown()} leaves it registered, so the runtime's hook table keeps each client that was shut
 * down: a web application redeployed a few times runs out of memory. Fixed in 1.3.3, whose {@code shutdown()} removes
 * the hook. The client needs no server to start; the driver starts one and shuts it down, as a redeployed
 * application does.
 */
public final class ShutdownHookDriver {
    private ShutdownHookDriver() {}

    public static void main(String[] args) throws Exception {
        Verdict.report(startAndShutDown());
    }

    private static WeakReference<Object> startAndShutDown() throws Exception {
        XMemcachedClient client = new XMemcachedClient();
        client.shutdown();
        return new WeakReference<>(client);
    }
}
