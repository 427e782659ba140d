package dev.lapse.agent.track;

import java.util.List;

/** An ended owner's record and its registrations at the time of the check. */
public record EndedOwner(OwnerRecord record, List<Registration> registrations) {
    public EndedOwner {
        registrations = List.copyOf(registrations);
    }
}
