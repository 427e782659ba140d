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

    /** Writes the report into {@code dir}; returns the primary file written (the text report unless {@code formats} leaves it out), or {@code null}. */
    Path writeReport(Path dir);

    /** Undoes the instrumentation and stops tracking. */
    void stop();
}
