package dev.lapse.corpus.pool;

import dev.lapse.corpus.Verdict;
import java.lang.ref.WeakReference;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * POOL-337: every pool with eviction schedules its evictor on one JVM-wide scheduler ({@code EvictionTimer}), and a
 * pool's {@code close()} cancels its evictor without taking it off the scheduler's queue, so a closed pool stays
 * reachable until the cancelled task's next run comes round; with a long eviction period, for good. Fixed in 2.6.0,
 * which removes cancelled tasks. The scheduler lives while any pool uses it: the driver's application keeps one
 * pool for its whole life, and opens and closes another.
 */
public final class EvictionTimerDriver {
    private static final long ONE_HOUR = 3_600_000;

    /** The long-lived pool that keeps the shared eviction scheduler running. */
    static final GenericObjectPool<StringBuilder> APPLICATION_POOL = Verdict.longLived(pool());

    private EvictionTimerDriver() {}

    public static void main(String[] args) throws Exception {
        Verdict.report(openAndClose());
    }

    private static WeakReference<Object> openAndClose() throws Exception {
        GenericObjectPool<StringBuilder> reportPool = pool();
        reportPool.returnObject(reportPool.borrowObject());
        reportPool.close();
        return new WeakReference<>(reportPool);
    }

    private static GenericObjectPool<StringBuilder> pool() {
        GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(new Buffers());
        pool.setTimeBetweenEvictionRunsMillis(ONE_HOUR);
        return pool;
    }

    /** Pooled buffers. */
    static final class Buffers extends BasePooledObjectFactory<StringBuilder> {
        @Override
        public StringBuilder create() {
            return new StringBuilder();
        }

        @Override
        public PooledObject<StringBuilder> wrap(StringBuilder buffer) {
            return new DefaultPooledObject<>(buffer);
        }
    }
}
