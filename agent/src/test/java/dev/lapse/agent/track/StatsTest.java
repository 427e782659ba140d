package dev.lapse.agent.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The counters the report shows. */
class StatsTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 5_000;

    /**
     * The first hook failure is the one logged: of threads failing at the same moment, exactly one must be told it
     * was first, or the log says nothing of a failure the report counts.
     */
    @Test
    void of_hooks_failing_at_once_exactly_one_is_the_first() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Stats stats = new Stats();
                CyclicBarrier together = new CyclicBarrier(THREADS);
                List<Future<Boolean>> first = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    first.add(pool.submit(() -> {
                        together.await();
                        return stats.hookFailed();
                    }));
                }
                int firsts = 0;
                for (Future<Boolean> f : first) {
                    firsts += f.get() ? 1 : 0;
                }
                assertEquals(1, firsts, "round " + round);
                assertEquals(THREADS, stats.hookErrors(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
