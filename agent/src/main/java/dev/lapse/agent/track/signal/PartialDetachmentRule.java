package dev.lapse.agent.track.signal;

import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.HeldSubjects;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Site;
import dev.lapse.agent.track.SiteCapture;
import java.util.List;

/**
 * Partial detachment (DESIGN.md section 3): a removal that left others behind. When the owner, from its own code (its
 * class, its nested classes, its application superclasses), took a listener off a subject and still has
 * registrations on that subject, or on subjects it registered on from the same call site, it was detaching from them
 * and forgot those (see {@link EndOfLife#partial} for when that is one: one thread, one owner method, within a
 * second, at least two removals and at least as many as were left). Not a detachment: a listener that takes itself
 * off from its own callback, or any removal made while the subject is dispatching an event (a one-shot listener,
 * however it reaches the remove call). The stack is walked, a few frames and not interned, only when something was
 * left; when nothing was, a signal of this go that no longer covers anything is cleared, so it hides nothing.
 */
public final class PartialDetachmentRule {
    private final RegistrationTable table;
    private final SiteCapture sites;
    private final SignalClock clock;

    public PartialDetachmentRule(RegistrationTable table, SiteCapture sites, SignalClock clock) {
        this.table = table;
        this.sites = sites;
        this.clock = clock;
    }

    /**
     * {@code remove} undid {@code undone} and left {@code left} registrations of the owner behind on the subject or
     * from its site; {@code before} is the owner's end of life as the removal found it.
     */
    public void removed(
            ApiMethod remove,
            Object subject,
            Object listener,
            Object owner,
            Registration undone,
            int left,
            EndOfLife before) {
        boolean beforePartial = before != null && before.signal() == Signal.PARTIAL_DETACHMENT;
        if (left == 0) {
            if (beforePartial) {
                table.clearIfCoversNothing(owner, before);
            }
            return;
        }
        Site here = sites.here(false);
        List<StackTraceElement> frames = here.frames();
        if (frames.size() < 2) {
            return;
        }
        String caller = frames.get(1).getClassName();
        if (!HeldSubjects.ownersCode(owner.getClass(), caller)
                || (listener != owner && caller.equals(listener.getClass().getName()))) {
            return;
        }
        String subjectClass = subject.getClass().getName();
        for (int i = 2; i < frames.size(); i++) {
            if (frames.get(i).getClassName().equals(subjectClass)) {
                return; // the subject is dispatching: a listener taking itself (or another) off, not a teardown
            }
        }
        long now = clock.now();
        String thread = Thread.currentThread().getName();
        boolean sameGo = beforePartial && before.sameGo(thread, frames.get(1), now);
        if (!sameGo && before != null && before.reportable() && table.anyCovered(owner, before)) {
            return; // a detachment already found, or an end, says more than a later removal
        }
        EndOfLife end = EndOfLife.partial(
                remove.display(),
                here,
                thread,
                now,
                clock.fullGcs(),
                subject,
                undone.apiId(),
                undone.site(),
                left,
                before,
                sameGo);
        if (table.replaceEnd(owner, before, end) && end.reportable() && !(sameGo && before.reportable())) {
            table.countSignals(1);
        }
    }
}
