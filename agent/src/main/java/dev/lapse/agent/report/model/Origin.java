package dev.lapse.agent.report.model;

/** Where a report's findings came from: one JVM ({@link Jvm}) or the reports of several merged ({@link Merge}). */
public sealed interface Origin permits Jvm, Merge {}
