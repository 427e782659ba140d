package dev.lapse.agent.confirm;

import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.signal.RemovalClaims;
import java.util.List;

/**
 * What a check decided that the tracker must record. The check only reads the tracker; the runtime applies these
 * (so {@code confirm} never writes into {@code track}), in the order the phases of a check need them: a detached
 * subject before the collection that confirms it, the reported registrations of a scope after the check.
 *
 * @param detached      owners that no longer reach subjects still holding their listeners
 * @param scopeReported registrations a scope check reported, whose scope is to be forgotten so that the check of an
 *                      enclosing scope does not report them again
 * @param claimsSettled removals the check verified (the subject let go of the listener, or only the owner explains
 *                      it), to forget
 */
public record Decisions(
        List<Detachment> detached, List<Registration> scopeReported, List<RemovalClaims.Claim> claimsSettled) {
    public static final Decisions NONE = new Decisions(List.of(), List.of(), List.of());

    public Decisions {
        detached = List.copyOf(detached);
        scopeReported = List.copyOf(scopeReported);
        claimsSettled = List.copyOf(claimsSettled);
    }

    /** {@code owner} no longer reaches the subjects of {@code left}, which still hold its listeners. */
    public record Detachment(Object owner, List<Registration> left) {
        public Detachment {
            left = List.copyOf(left);
        }
    }
}
