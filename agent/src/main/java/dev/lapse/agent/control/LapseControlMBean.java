package dev.lapse.agent.control;

/**
 * Lapse in the platform MBean server as {@code dev.lapse:type=Lapse}: counts, settings, the last summary, and
 * operations to write a report or stop. Usable from JConsole, VisualVM and any JMX client; Lapse opens no port.
 */
public interface LapseControlMBean {
    /** The agent's version. */
    String getVersion();

    /** The effective options, in {@code key=value,...} form. */
    String getOptions();

    /** Where reports go unless an operation names another directory. */
    String getReportDirectory();

    /** {@code launch} or {@code attach}. */
    String getMode();

    long getRegistrationsSeen();

    long getTracked();

    long getRemoved();

    long getDropped();

    long getEndOfLifeSignals();

    long getHookErrors();

    /** The one-line summary of the last report, or empty before the first. */
    String getLastSummary();

    /** Runs a check (with a full collection) and writes the report files; returns the summary and the path. */
    String writeReport();

    /** As {@link #writeReport()}, into {@code directory}. */
    String writeReportTo(String directory);

    /** Removes the instrumentation (classes restored) and stops tracking; the JVM keeps running. */
    String stop();
}
