package dev.lapse.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * The CPU time this process has used, all its threads (the collector's and the compiler's too), from Linux's
 * {@code /proc/self/stat}, and the same split by kind of thread from {@code /proc/self/task}. On a shared, loaded
 * machine the wall-clock time of a phase says more about the other people's builds than about the phase; its CPU time
 * less so. Read without the management beans, which would change what an agent under measurement pays.
 */
final class ProcessCpu {
    /** Clock ticks per second of {@code /proc}'s figures: 100 on every Linux this runs on. */
    private static final int TICKS_PER_SECOND = 100;

    /** The kinds of thread a split tells apart, by the name the JVM gives the native thread. */
    enum Kind {
        /** The launcher's threads, named after the executable: the application's main thread among them. */
        MAIN,
        /** The collector's workers and concurrent threads, and the VM thread that runs its pauses. */
        GC,
        /** The JIT compilers. */
        JIT,
        /** Everything else: the agent's own threads, reference handling, the service threads. */
        OTHER
    }

    private ProcessCpu() {}

    /** User and system CPU milliseconds so far, or -1 where {@code /proc/self/stat} cannot be read. */
    static long millis() {
        try {
            return ticks(Files.readString(Paths.get("/proc/self/stat"))) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * User and system CPU milliseconds so far of the live threads of each {@link Kind}, indexed by its ordinal, or
     * {@code null} where {@code /proc/self/task} cannot be read. A thread that ended between two splits drops out of
     * the later one: take splits around a phase that starts and ends no thread of its own.
     */
    static long[] byKind() {
        long[] ticks = new long[Kind.values().length];
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Paths.get("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended while the directory was read
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                ticks[kind(name).ordinal()] += ticks(stat);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = ticks[i] * 1000 / TICKS_PER_SECOND;
        }
        return ticks;
    }

    /** {@code after} less {@code before}, as {@code main=… gc=… jit=… other=…} milliseconds, or {@code -}. */
    static String split(long[] before, long[] after) {
        if (before == null || after == null) {
            return "-";
        }
        StringBuilder s = new StringBuilder();
        for (Kind k : Kind.values()) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(k.name().toLowerCase(Locale.ROOT))
                    .append("CpuMillis=")
                    .append(after[k.ordinal()] - before[k.ordinal()]);
        }
        return s.toString();
    }

    private static Kind kind(String threadName) {
        if (threadName.equals("java")) {
            return Kind.MAIN;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return Kind.GC;
        }
        if (threadName.contains("CompilerThre")) {
            return Kind.JIT;
        }
        return Kind.OTHER;
    }

    /** utime plus stime of a {@code stat} line: fields 14 and 15, counted after the parenthesised command name. */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
