package dev.lapse.agent.report.model;

/**
 * The object registered on.
 *
 * @param className its binary class name; for a static registration, the class whose static method was called
 * @param isStatic whether the registration was on a class (a static method), not an object
 */
public record Subject(String className, boolean isStatic) {}
