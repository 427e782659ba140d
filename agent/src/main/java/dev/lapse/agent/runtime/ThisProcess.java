package dev.lapse.agent.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * This JVM's process: its id and how long it has run, for the report's {@code pid}, {@code started} and
 * {@code uptimeMillis}. On Linux both are read from {@code /proc/self/stat} (the id is its first field; the start, in
 * clock ticks since boot, with the system's uptime, gives the uptime to the hundredth of a second, from the process's
 * start, a few milliseconds before the JVM's own). The JDK's ways cost a JVM's exit more than the report itself: the
 * runtime bean brings in the platform bean finder and every platform bean's provider (a tenth of a second and more),
 * and {@code ProcessHandle.current()} initialises the process reaper's executor machinery (about 25 classes, some
 * milliseconds on a JVM that never needed it). Elsewhere, those.
 */
final class ThisProcess {
    /** {@code /proc}'s clock ticks per second (USER_HZ), fixed at 100 for user space on Linux. */
    private static final long TICKS_PER_SECOND = 100;

    /** Read at the first question: a process keeps its id. */
    private static volatile String pid;

    private ThisProcess() {}

    /** This process's id, in decimal. */
    static String pid() {
        String known = pid;
        if (known == null) {
            try {
                String stat = read("/proc/self/stat");
                known = Long.toString(Long.parseLong(stat.substring(0, stat.indexOf(' '))));
            } catch (IOException | RuntimeException notLinux) {
                known = Long.toString(ProcessHandle.current().pid());
            }
            pid = known;
        }
        return known;
    }

    /** Milliseconds since this process started. */
    static long uptimeMillis() {
        try {
            String stat = read("/proc/self/stat");
            // the fields after the command name, which is in parentheses and may hold spaces: starttime is the 22nd
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            String uptime = read("/proc/uptime");
            double systemSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Math.max(0, Math.round(systemSeconds * 1000) - startTicks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException notLinux) {
            return ManagementFactory.getRuntimeMXBean().getUptime();
        }
    }

    private static String read(String file) throws IOException {
        return new String(Files.readAllBytes(Paths.get(file)), StandardCharsets.US_ASCII);
    }
}
