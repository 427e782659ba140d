package dev.lapse.corpus.vertx;

import dev.lapse.corpus.Verdict;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import java.lang.ref.WeakReference;

/**
 * eclipse-vertx/vert.x#6268: a client built with {@code vertx.httpClientBuilder().build()} registers its internal
 * client with the creating context's {@code CloseFuture} (a close hook), and closing the client does not remove it:
 * an application that rebuilds its client keeps every client it ever built. Affected 5.1.5; fixed in 5.1.6 (#6269),
 * which removes the hook when the client's close completes.
 */
public final class HttpClientDriver {
    /** The long-lived subject: the application's Vert.x instance. */
    static final Vertx VERTX = Verdict.longLived(Vertx.vertx());

    private HttpClientDriver() {}

    public static void main(String[] args) throws Exception {
        Verdict.report(buildAndClose());
    }

    private static WeakReference<Object> buildAndClose() throws Exception {
        HttpClientAgent client = VERTX.httpClientBuilder().build();
        Object inside = Internals.clientInside(client);
        client.close().await();
        return new WeakReference<>(inside);
    }
}
