package dev.lapse.agent.report.model;

/**
 * The handle an add returned, whose method undoes the registration.
 *
 * @param type the handle's declared type
 * @param close its method that undoes the registration ({@code dispose}, {@code close}, ...)
 * @param dropped whether the handle was collected, so that nothing can undo the registration
 * @param field the owner's field that keeps it, or {@code null}
 */
public record Handle(String type, String close, boolean dropped, String field) {}
