package dev.lapse.agent.confirm;

import dev.lapse.agent.track.Registration;
import java.util.List;

/**
 * What a check decided that the tracker must record. The check only reads the tracker; the runtime applies these
 * (so {@code confirm} never writes into {@code track}), in the order the phases of a check need them: a detached
 * subject before the collection that confirms it, the reported registrations of a scope after the check.
 *
 * @param detached      owners that no longer reach subjects still holding their listeners
 * @param scopeReported registrations a scope check reported, whose scope is to be forgotten so that the check of an
 *                      enclosing scope does not report them again
 */
public record Decisions(List<Detachment> detached, List<Registration> scopeReported) {
    public static final Decisions NONE = new Decisions(List.of(), List.of());

    public Decisions {
        detached = List.copyOf(detached);
        scopeReported = List.copyOf(scopeReported);
    }

    /** {@code owner} no longer reaches the subjects of {@code left}, which still hold its listeners. */
    public record Detachment(Object owner, List<Registration> left) {
        public Detachment {
            left = List.copyOf(left);
        }
    }
}
