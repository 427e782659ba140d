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
 * @param paths the application frames of each distinct stack sampled at the registering line, {@code site}'s
 *              first, when more than one reached it; else empty
 */
public record Registration(
        String method, String removeMethod, String thread, Handle handle, List<Frame> site, List<List<Frame>> paths) {
    public Registration {
        site = List.copyOf(site);
        paths = List.copyOf(paths);
    }

    /** A registration whose line was reached through one path only (or whose paths are not known). */
    public Registration(String method, String removeMethod, String thread, Handle handle, List<Frame> site) {
        this(method, removeMethod, thread, handle, site, List.of());
    }
}
