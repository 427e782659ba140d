package dev.lapse.agent.report.model;

/**
 * One report merged into another: the file it was read from and what it said of its JVM ({@code null} for a
 * report that was itself a merge).
 *
 * @param generated when that report was written, ISO-8601
 * @param findings how many findings it had
 */
public record Source(String file, String pid, String main, String javaVersion, String generated, long findings) {}
