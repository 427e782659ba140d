package dev.lapse.agent.report.model;

import dev.lapse.agent.track.OwnerRelation;

/**
 * The object whose lifetime the listener belongs to.
 *
 * @param explanation who it is, how the listener holds it and why it should be dead, in words
 */
public record Owner(String className, OwnerRelation relation, String explanation) {}
