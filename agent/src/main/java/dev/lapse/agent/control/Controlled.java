package dev.lapse.agent.control;

import dev.lapse.agent.track.Stats;
import java.nio.file.Path;

/** What the MBean drives: the running agent, seen from outside. */
public interface Controlled {
    String version();

    String options();

    Path reportDirectory();

    boolean attached();

    Stats stats();

    String lastSummary();

    /** Writes the report into {@code dir}; returns the text file written. */
    Path writeReport(Path dir);

    /** Undoes the instrumentation and stops tracking. */
    void stop();
}
