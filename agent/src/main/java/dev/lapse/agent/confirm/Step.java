package dev.lapse.agent.confirm;

/**
 * One hop of a reference chain: an object of class {@code from} holds {@code to} in {@code field}.
 *
 * @param from binary class name of the holder; for a static field, the class that declares it
 * @param field field name, {@code [i]} for an array element, {@code static NAME} for a static field
 * @param to binary class name of the object held
 */
public record Step(String from, String field, String to) {}
