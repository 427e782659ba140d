package dev.lapse.agent.report.model;

/**
 * One stack frame as reports write it.
 *
 * @param file the source file, or {@code null} when unknown
 * @param line the line, or a negative number when unknown
 */
public record Frame(String className, String method, String file, int line) {
    public static Frame of(StackTraceElement e) {
        return new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber());
    }

    /** The frame as the JDK's type, for code that names frames. */
    public StackTraceElement element() {
        return new StackTraceElement(className, method, file, line);
    }
}
