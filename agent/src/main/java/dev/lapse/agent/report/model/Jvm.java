package dev.lapse.agent.report.model;

/**
 * The JVM one report is about, as the agent saw it at the report's time; any of it may be {@code null} in a report
 * read back that lacks it.
 *
 * @param version {@code java.version}
 * @param vendor {@code java.vendor}
 * @param vm {@code java.vm.name}
 * @param main the main class or jar the JVM was started with, empty when unknown
 * @param started when the JVM started, ISO-8601
 * @param mode {@code launch} ({@code -javaagent}) or {@code attach}
 * @param uptimeMillis how long it had run, in milliseconds, as text
 */
public record Jvm(
        String version,
        String vendor,
        String vm,
        String pid,
        String main,
        String started,
        String mode,
        String uptimeMillis)
        implements Origin {}
