package dev.lapse.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The add+remove pair of {@link ShapesBench}'s shapes, measured in the thread's CPU time and allocated bytes instead
 * of wall time: for a machine others load, where JMH's wall-clock figures swing several times over within the hour
 * (a thread that waits for a core is not running Lapse's code). Each shape runs {@value #ROUNDS} rounds of {@value
 * #PAIRS} pairs; the figure is the least CPU time of the rounds after the first {@value #WARM_ROUNDS} (the JIT's
 * work is done by then), and the bytes the thread allocated per pair over one more round. Run it with the agent off
 * and with each agent jar to compare, alternated (bench/NOTES.md):
 *
 * <pre>{@code
 * java -Djava.awt.headless=true -javaagent:lapse-agent.jar=out=/tmp/o,log=warn \
 *     -cp bench/target/lapse-bench.jar dev.lapse.bench.PairCpuProbe lambda,manyPaths,manyOwnerClasses
 * }</pre>
 *
 * Prints one line a shape and subject: {@code shape subject ns-per-pair bytes-per-pair}.
 */
public final class PairCpuProbe {
    static final int PAIRS = 200_000;
    static final int ROUNDS = 25;
    static final int WARM_ROUNDS = 10;

    private PairCpuProbe() {}

    public static void main(String[] args) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] shapes = args.length > 0
                ? args[0].split(",")
                : new String[] {
                    "lambda",
                    "anonymous",
                    "manyPaths",
                    "deepStack",
                    "namedFromManyLines",
                    "manyOwnerClasses",
                    "ownerWithRows"
                };
        for (String subject : new String[] {"app", "beans"}) {
            ShapesBench bench = new ShapesBench();
            bench.subject = subject;
            bench.setUp();
            for (String shape : shapes) {
                Runnable pair = pairOf(bench, shape);
                long least = Long.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < PAIRS; i++) {
                        pair.run();
                    }
                    long spent = threads.getCurrentThreadCpuTime() - start;
                    if (round >= WARM_ROUNDS) {
                        least = Math.min(least, spent);
                    }
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < PAIRS; i++) {
                    pair.run();
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                System.out.printf(
                        Locale.ROOT,
                        "%s %s %.1f %.1f%n",
                        shape,
                        subject,
                        least / (double) PAIRS,
                        allocated / (double) PAIRS);
            }
        }
    }

    private static Runnable pairOf(ShapesBench bench, String shape) {
        switch (shape) {
            case "lambda":
                return bench::lambda;
            case "anonymous":
                return bench::anonymous;
            case "manyPaths":
                return bench::manyPaths;
            case "deepStack":
                return bench::deepStack;
            case "namedFromManyLines":
                return bench::namedFromManyLines;
            case "manyOwnerClasses":
                return bench::manyOwnerClasses;
            case "ownerWithRows":
                return bench::ownerWithRows;
            case "fallbackManyPaths":
                return bench::fallbackManyPaths;
            default:
                throw new IllegalArgumentException("no shape " + shape + " in ShapesBench");
        }
    }
}
