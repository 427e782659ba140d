package dev.lapse.agent.report.model;

import dev.lapse.agent.track.Signal;
import java.time.Instant;
import java.util.List;

/**
 * Why the owner should be dead, as reported.
 *
 * @param method the lifecycle method that returned ({@code com.acme.View#dispose}), the remove method of an
 *     ineffective removal or a partial detachment, or {@code null}
 * @param reason what the signal adds (see {@link Signal}'s constants), or {@code null}
 * @param description the end told beside the owner: {@code disposed at Main.java:30}
 * @param at where it happened, the caller of the method that ended it; {@code null} for an end by no one's call
 * @param site the application frames of the stack at the signal
 */
public record EndOfLife(
        Signal signal, String method, String reason, String description, Instant time, Frame at, List<Frame> site) {
    public EndOfLife {
        site = List.copyOf(site);
    }
}
