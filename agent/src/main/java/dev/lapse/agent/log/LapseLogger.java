package dev.lapse.agent.log;

import dev.lapse.agent.config.LogLevel;
import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Writes {@code [lapse] LEVEL message} lines to standard error, at or above the level set by the {@code log} option. */
public final class LapseLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    /**
     * The standard error the JVM had when Lapse started (this class is initialised by the agent's start). Not the
     * one of the moment: Surefire's forked booter replaces {@code System.err}, after {@code premain}, with a stream
     * into its channel to Maven, which it closes before the shutdown hooks run, so the summary Lapse logs at exit
     * would be lost; the process's own standard error Maven reads until the JVM is gone, and prints. After an
     * attach it is the stream the application had then, wherever the application sent it.
     */
    private static final PrintStream ERR = System.err;

    /** {@link Level#toInt()} of the lowest level written; above {@code ERROR} means off. */
    private static volatile int threshold = Level.INFO.toInt();

    LapseLogger(String name) {
        this.name = name;
    }

    /** Sets the level from the {@code log} option. */
    public static void setLevel(LogLevel level) {
        threshold = switch (level) {
            case DEBUG -> Level.DEBUG.toInt();
            case INFO -> Level.INFO.toInt();
            case WARN -> Level.WARN.toInt();
            case ERROR -> Level.ERROR.toInt();
            case OFF -> Integer.MAX_VALUE;
        };
    }

    private static boolean on(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return on(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return on(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return on(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return on(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return on(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        String prefix = "[lapse] " + (level == Level.INFO ? "" : level + " ");
        PrintStream err = ERR;
        synchronized (err) {
            for (String line : message.split("\n", -1)) {
                err.println(prefix + line); // each line says whose it is, in a log shared with the application
            }
            if (throwable != null) {
                throwable.printStackTrace(err);
            }
        }
    }
}
