package dev.lapse.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** What {@code /proc} says of this process matches what the JDK's slower ways say. */
class ThisProcessTest {
    @Test
    void the_pid_is_the_jdks() {
        assertEquals(Long.toString(ProcessHandle.current().pid()), ThisProcess.pid());
    }

    @Test
    void the_uptime_counts_from_before_the_jvms_own_start() {
        long ours = ThisProcess.uptimeMillis();
        long jvms = ManagementFactory.getRuntimeMXBean().getUptime();
        // the process starts before the JVM counts, and /proc counts in hundredths of a second
        assertTrue(ours + 20 >= jvms, ours + " ms against the JVM's " + jvms + " ms");
        assertTrue(ours <= jvms + 60_000, ours + " ms against the JVM's " + jvms + " ms");
    }
}
