package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * Detached subject (DESIGN.md section 3): the owner's code registered on a subject the owner held in a field of its
 * own ({@link Registration#heldIn()}, watched cheaply at registration) and later no longer reaches it, while the
 * subject still holds the owner's listener. Whether the owner still reaches the subject is a reachability question
 * the check answers ({@code confirm}); this rule says which registrations to ask about and records the answer.
 */
public final class DetachedSubjectRule {
    private final RegistrationTable table;
    private final SignalClock clock;
    /** Set at the first registration watched: until then a check looks for none. */
    private volatile boolean watching;

    public DetachedSubjectRule(RegistrationTable table, SignalClock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** A registration on a subject its owner held when it registered, with both objects, for one check. */
    public record Held(Object owner, Object subject, Registration registration) {}

    /** A registration with a {@link Registration#heldIn()} was made. */
    public void watch() {
        if (!watching) { // read first: a volatile write at every watched registration would cost a fence each
            watching = true;
        }
    }

    /**
     * Registrations watched for a detached subject whose owner and subject live and whose owner has no end of life
     * (or one about some registrations only, other than this one): the check decides whether the owner still reaches
     * the subject. A snapshot, taken under the table's locks; the reachability work happens after, outside them.
     */
    public List<Held> held() {
        List<Held> held = new ArrayList<>();
        if (!watching) {
            return held;
        }
        table.forEach(record -> {
            Object owner = record.owner();
            EndOfLife end = record.end();
            if (owner != null && (end == null || (end.partial() && end.signal() != Signal.DETACHED_SUBJECT))) {
                for (Registration r : record.snapshot()) {
                    Object subject = r.subject();
                    if (r.heldIn() != null && subject != null && r.get() != null) {
                        held.add(new Held(owner, subject, r));
                    }
                }
            }
        });
        return held;
    }

    /** {@code owner} no longer reaches the subjects of {@code left}, which still hold its listeners. */
    public void detached(Object owner, List<Registration> left) {
        table.signal(owner, EndOfLife.detached(left, clock.now(), clock.fullGcs()));
    }
}
