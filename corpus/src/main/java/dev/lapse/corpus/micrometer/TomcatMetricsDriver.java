package dev.lapse.corpus.micrometer;

import dev.lapse.corpus.Verdict;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.tomcat.TomcatMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;

/**
 * micrometer-metrics/micrometer#1424: {@code TomcatMetrics.bindTo}, run before Tomcat's MBeans exist, adds notification
 * listeners to the MBean server's delegate to bind its meters once they are registered, and removes one only when its
 * MBean appears; the others stay on the JVM-wide platform MBean server, and with them the binder and its registry of
 * every undeployed application. 1.3.3 made the binder {@code AutoCloseable}; its {@code close()} removes them (#1760).
 * The driver binds with no Tomcat running, then undeploys: it closes the binder where it is closeable and the
 * registry, and drops both.
 */
public final class TomcatMetricsDriver {
    private TomcatMetricsDriver() {}

    public static void main(String[] args) throws Exception {
        Verdict.report(bindAndUndeploy());
    }

    private static WeakReference<Object> bindAndUndeploy() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TomcatMetrics tomcatMetrics = new TomcatMetrics(null, Tags.empty(), ManagementFactory.getPlatformMBeanServer());
        tomcatMetrics.bindTo(registry);
        Object binder = tomcatMetrics;
        if (binder instanceof AutoCloseable) {
            ((AutoCloseable) binder).close();
        }
        registry.close();
        return new WeakReference<>(tomcatMetrics);
    }
}
