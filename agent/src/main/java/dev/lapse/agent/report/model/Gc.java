package dev.lapse.agent.report.model;

/**
 * How the check's collection went; for a merge, whether it went so in every JVM merged (forced, happened) or in any
 * (explicit collections disabled).
 *
 * @param forced whether the check asked for a full collection
 * @param fullGcHappened whether a full collection happened during the check
 * @param explicitGcDisabled whether {@code System.gc()} was disabled ({@code -XX:+DisableExplicitGC})
 */
public record Gc(boolean forced, boolean fullGcHappened, boolean explicitGcDisabled) {}
