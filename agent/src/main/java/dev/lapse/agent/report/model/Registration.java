package dev.lapse.agent.report.model;

import java.util.List;

/**
 * The add call of a group's first finding.
 *
 * @param method the add method, {@code com.acme.Model#addListener}
 * @param removeMethod the remove method that undoes it, or {@code null} when the API has none
 * @param thread the registering thread's name
 * @param handle the handle the add returned, or {@code null} for an add that returns none
 * @param site the application frames of the stack that made it, innermost first
 */
public record Registration(String method, String removeMethod, String thread, Handle handle, List<Frame> site) {
    public Registration {
        site = List.copyOf(site);
    }
}
