package dev.lapse.agent.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * How long this JVM has run, for the report's {@code started} and {@code uptimeMillis}. On Linux it is read from
 * {@code /proc} (the process's start in clock ticks since boot, and the system's uptime), to the hundredth of a
 * second and from the process's start, a few milliseconds before the JVM's own: the runtime bean, which says about
 * the same, brings in the platform bean finder and every platform bean's provider, a tenth of a second and more at
 * the exit of a JVM that never needed them. Elsewhere, the bean.
 */
final class JvmUptime {
    /** {@code /proc}'s clock ticks per second (USER_HZ), fixed at 100 for user space on Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private JvmUptime() {}

    /** Milliseconds since this JVM's process started. */
    static long millis() {
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
