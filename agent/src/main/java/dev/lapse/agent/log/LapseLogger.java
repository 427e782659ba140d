package dev.lapse.agent.log;

import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Writes {@code [lapse] LEVEL message} lines to standard error, at or above the level set by the {@code log} option. */
public final class LapseLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    /** {@link Level#toInt()} of the lowest level written; above {@code ERROR} means off. */
    private static volatile int threshold = Level.INFO.toInt();

    LapseLogger(String name) {
        this.name = name;
    }

    /** Sets the level from the option value: debug, info, warn, error or off. */
    public static void setLevel(String level) {
        threshold = "off".equals(level)
                ? Integer.MAX_VALUE
                : Level.valueOf(level.toUpperCase(Locale.ROOT)).toInt();
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
        PrintStream err = System.err;
        synchronized (err) {
            err.println("[lapse] " + (level == Level.INFO ? "" : level + " ") + message);
            if (throwable != null) {
                throwable.printStackTrace(err);
            }
        }
    }
}
