package dev.lapse.corpus.micrometer;

import dev.lapse.corpus.Verdict;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.ref.WeakReference;

/**
 * micrometer-metrics/micrometer#1349: {@code JvmGcMetrics.bindTo} adds a notification listener to every garbage
 * collector's platform MXBean and never removes it, so an undeployed application's binder (and its registry) stays
 * reachable from the JVM-wide MXBean. 1.1.4 made the binder {@code AutoCloseable}; its {@code close()} removes them.
 * The driver undeploys as the application does: it closes what can be closed (the binder where it is
 * closeable, then the registry) and drops both.
 */
public final class JvmGcMetricsDriver {
    private JvmGcMetricsDriver() {}

    public static void main(String[] args) throws Exception {
        Verdict.report(bindAndUndeploy());
    }

    private static WeakReference<Object> bindAndUndeploy() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        System.gc(); // one GC notification reaches the listener, as in a running application
        Object binder = gcMetrics;
        if (binder instanceof AutoCloseable) {
            ((AutoCloseable) binder).close();
        }
        registry.close();
        return new WeakReference<>(gcMetrics);
    }
}
