package dev.lapse.corpus.hikari;

import com.zaxxer.hikari.HikariDataSource;
import dev.lapse.corpus.Verdict;
import java.lang.ref.WeakReference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * brettwooldridge/HikariCP#795 (and #741): a pool given the application's own scheduler
 * ({@code setScheduledExecutorService}) schedules its house-keeping task there at start and never cancels it at
 * {@code close()}, so every closed pool stays in the shared scheduler's queue, running every 30 seconds. Fixed in
 * 2.6.0: {@code shutdown()} cancels the task. The shared scheduler removes cancelled tasks at once
 * ({@code setRemoveOnCancelPolicy(true)}), as one must for a fixed version to release anything before the task's next
 * run. The database is H2 in memory.
 */
public final class HouseKeeperDriver {
    /** The long-lived subject: the scheduler the application shares between its pools. */
    static final ScheduledThreadPoolExecutor SCHEDULER = Verdict.longLived(sharedScheduler());

    private HouseKeeperDriver() {}

    public static void main(String[] args) {
        Verdict.report(openAndClose());
    }

    private static ScheduledThreadPoolExecutor sharedScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private static WeakReference<Object> openAndClose() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:corpus");
        pool.setMinimumIdle(1);
        pool.setMaximumPoolSize(1);
        pool.setScheduledExecutorService(SCHEDULER);
        // one request, on a thread of its own as a server's are: the pool's thread-local cache of borrowed entries
        // lives in the thread that borrowed, and goes with it
        Thread request = new Thread(() -> query(pool), "request");
        request.start();
        try {
            request.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.close();
        return new WeakReference<>(pool);
    }

    private static void query(HikariDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
