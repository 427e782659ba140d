package dev.lapse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The CPU time this process has used, all its threads (the collector's and the compiler's too), from Linux's
 * {@code /proc/self/stat}. On a shared, loaded machine the wall-clock time of a phase says more about the other
 * people's builds than about the phase; its CPU time less so. Read without the management beans, which would change
 * what an agent under measurement pays.
 */
final class ProcessCpu {
    /** Clock ticks per second of {@code /proc}'s figures: 100 on every Linux this runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** User and system CPU milliseconds so far, or -1 where {@code /proc/self/stat} cannot be read. */
    static long millis() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
