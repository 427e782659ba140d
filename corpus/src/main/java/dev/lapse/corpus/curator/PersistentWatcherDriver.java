package dev.lapse.corpus.curator;

import dev.lapse.corpus.Verdict;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorListener;
import org.apache.curator.framework.listen.StandardListenerManager;
import org.apache.curator.framework.recipes.watch.PersistentWatcher;

/**
 * apache/curator#1292: {@code PersistentWatcher.start()} adds a connection-state listener and a
 * {@code CuratorListener} to the client's listener managers ({@code client.getCuratorListenable().addListener(l)});
 * {@code close()} removes the first only, so every closed watcher stays reachable from the client. The fix (#1293)
 * removes the second in {@code close()}; no release has it yet, so the control does what it does: it removes the
 * curator listener the watcher added at start, after the watcher's {@code close()}.
 */
public final class PersistentWatcherDriver {
    private PersistentWatcherDriver() {}

    public static void main(String[] args) throws Exception {
        CuratorFramework client = Zookeeper.client();
        Verdict.report(watchAndClose(client, Verdict.control(args)));
    }

    private static WeakReference<Object> watchAndClose(CuratorFramework client, boolean control)
            throws InterruptedException {
        List<CuratorListener> before = curatorListeners(client);
        PersistentWatcher watcher = new PersistentWatcher(client, "/corpus/config", true);
        CountDownLatch set = new CountDownLatch(1);
        watcher.getResetListenable().addListener(set::countDown);
        watcher.start();
        List<CuratorListener> added = curatorListeners(client);
        added.removeAll(before);
        // as an application that used the watcher: it is in place on the server before it is closed. Closed sooner,
        // the guaranteed removal can reach the server before the watch does, fail, and be kept for a retry with the
        // watcher in it, which a fresh clone's run once saw as the control leaking
        if (!set.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the persistent watch was not set within 10 s");
        }
        watcher.close();
        if (control) {
            added.forEach(client.getCuratorListenable()::removeListener);
        }
        added.clear();
        return new WeakReference<>(watcher);
    }

    private static List<CuratorListener> curatorListeners(CuratorFramework client) {
        List<CuratorListener> listeners = new ArrayList<>();
        ((StandardListenerManager<CuratorListener>) client.getCuratorListenable()).forEach(listeners::add);
        return listeners;
    }
}
