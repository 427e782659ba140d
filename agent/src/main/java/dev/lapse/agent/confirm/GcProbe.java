package dev.lapse.agent.confirm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Counts full collections and forces one where allowed. Confirmation needs a collection that could have
 * freed an old owner, after its end-of-life signal: a young collection proves nothing. The collectors that
 * qualify are picked by the names HotSpot gives them (G1, Parallel, Serial, ZGC, Shenandoah).
 */
public final class GcProbe implements LongSupplier {
    private static final Pattern FULL =
            Pattern.compile(".*(Old|MarkSweep|Major Cycles|Concurrent GC).*|ZGC Cycles|Shenandoah Cycles");

    /**
     * The full collectors' beans, looked up when first asked rather than at start-up: the management beans cost a
     * JVM 0.1 to 0.4 s of class loading, which a program with no end-of-life signal must not pay at its start. The
     * MBean's registration (LapseControl, two seconds after start-up, off the main thread) creates them anyway, after
     * which this look-up is cheap; a signal before that pays it once, on the thread that ended the owner.
     */
    private volatile List<GarbageCollectorMXBean> full;

    private volatile Boolean explicitGcDisabled;

    private List<GarbageCollectorMXBean> full() {
        List<GarbageCollectorMXBean> beans = full;
        if (beans == null) {
            List<GarbageCollectorMXBean> all = ManagementFactory.getGarbageCollectorMXBeans();
            beans = new ArrayList<>();
            for (GarbageCollectorMXBean bean : all) {
                if (FULL.matcher(bean.getName()).matches()) {
                    beans.add(bean);
                }
            }
            if (beans.isEmpty()) {
                beans.addAll(all); // an unknown collector: any collection counts, the walk still has the last word
            }
            full = beans;
        }
        return beans;
    }

    /** {@link #fullCount()}, for the tracker, which records it with each end of life. */
    @Override
    public long getAsLong() {
        return fullCount();
    }

    /** Full collections so far. */
    public long fullCount() {
        long n = 0;
        for (GarbageCollectorMXBean bean : full()) {
            n += Math.max(0, bean.getCollectionCount());
        }
        return n;
    }

    /** Whether {@code -XX:+DisableExplicitGC} turns {@code System.gc()} into a no-op. */
    public boolean explicitGcDisabled() {
        Boolean disabled = explicitGcDisabled;
        if (disabled == null) {
            disabled = readExplicitGcDisabled();
            explicitGcDisabled = disabled;
        }
        return disabled;
    }

    /** Asks for a full collection; returns whether one happened. */
    public boolean forceFullGc() {
        long before = fullCount();
        System.gc();
        if (fullCount() > before) {
            return true;
        }
        // a concurrent collector may finish its cycle after System.gc() returns
        for (int i = 0; i < 20 && fullCount() == before; i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fullCount() > before;
    }

    private static boolean readExplicitGcDisabled() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotspot =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return hotspot != null
                    && "true".equals(hotspot.getVMOption("DisableExplicitGC").getValue());
        } catch (RuntimeException | LinkageError e) {
            return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+DisableExplicitGC");
        }
    }
}
