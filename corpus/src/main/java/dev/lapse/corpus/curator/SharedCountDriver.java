package dev.lapse.corpus.curator;

import dev.lapse.corpus.Verdict;
import java.io.Closeable;
import java.lang.ref.WeakReference;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.shared.SharedCount;
import org.apache.curator.framework.recipes.shared.SharedCountListener;
import org.apache.curator.framework.recipes.shared.SharedCountReader;
import org.apache.curator.framework.state.ConnectionState;

/**
 * CURATOR-420 (apache/curator#940): {@code SharedCount.addListener} wraps the listener in a
 * {@code SharedValueListener} registered on its inner {@code SharedValue}, and {@code removeListener} only took the
 * listener out of its own map, leaving the wrapper, and through it the listener, on the shared value. Fixed in
 * 4.0.0. The owner is a display of a shared counter that removes its listener when it closes; the counter lives on.
 */
public final class SharedCountDriver {
    private SharedCountDriver() {}

    public static void main(String[] args) throws Exception {
        CuratorFramework client = Zookeeper.client();
        SharedCount quota = Verdict.longLived(new SharedCount(client, "/corpus/quota", 10));
        quota.start();
        Verdict.report(showAndClose(quota));
    }

    private static WeakReference<Object> showAndClose(SharedCount quota) {
        QuotaDisplay display = new QuotaDisplay(quota);
        display.close();
        return new WeakReference<>(display);
    }

    /** Shows the shared quota while it is open. */
    static final class QuotaDisplay implements Closeable {
        private final SharedCount quota;
        private final StringBuilder shown = new StringBuilder();
        private final SharedCountListener listener = new SharedCountListener() {
            @Override
            public void countHasChanged(SharedCountReader reader, int newCount) {
                shown.append(newCount);
            }

            @Override
            public void stateChanged(CuratorFramework client, ConnectionState newState) {
                shown.append(newState);
            }
        };

        QuotaDisplay(SharedCount quota) {
            this.quota = quota;
            quota.addListener(listener);
        }

        @Override
        public void close() {
            quota.removeListener(listener);
        }
    }
}
