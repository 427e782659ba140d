package dev.lapse.agent.track;

/**
 * One hop of a reference chain: an object of class {@code from} holds {@code to} in {@code field}. The one type for a
 * chain's step: the check's walk yields those from the subject to the listener, the {@link OwnerResolver} those from
 * the listener to its owner, and the report's {@code ChainStep} gives each its role.
 *
 * @param from binary class name of the holder; for a static field, the class that declares it
 * @param field field name, {@code [i]} for an array element, {@code static NAME} for a static field
 * @param to binary class name of the object held
 */
public record Step(String from, String field, String to) {}
