package dev.lapse.corpus.vertx;

import dev.lapse.corpus.Verdict;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.lang.ref.WeakReference;

/**
 * eclipse-vertx/vert.x#6311: {@code vertx.createNetClient()} adds the client to the Vert.x instance's
 * {@code CloseFuture} (a close hook, so that closing Vert.x closes it) and the client's {@code close()} never removes
 * it, so every closed client stays reachable for as long as Vert.x lives. Affected 5.0.12 to 5.1.6; fixed in 5.2.0,
 * whose resource hook removes itself from its owner when the client shuts down (#6286, tested by #6314).
 */
public final class NetClientDriver {
    /** The long-lived subject: the application's Vert.x instance. */
    static final Vertx VERTX = Verdict.longLived(Vertx.vertx());

    private NetClientDriver() {}

    public static void main(String[] args) throws Exception {
        Verdict.report(createAndClose());
    }

    private static WeakReference<Object> createAndClose() throws Exception {
        NetClient client = VERTX.createNetClient();
        Object inside = Internals.clientInside(client);
        client.close().await();
        return new WeakReference<>(inside);
    }
}
