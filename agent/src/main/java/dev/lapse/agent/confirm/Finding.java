package dev.lapse.agent.confirm;

import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Step;
import java.util.List;

/**
 * One confirmed lapsed listener: a registration whose owner should be dead and, after a full collection, is
 * still reachable from the subject through the listener. Holds names and frames only, never the objects.
 */
public final class Finding {
    public final ApiMethod api;
    public final String subjectClass;
    public final boolean staticSubject;
    public final String listenerClass;
    public final String ownerClass;
    public final OwnerRelation relation;
    /** Subject to owner, field by field. */
    public final List<Step> chain;
    /** Whether {@link #chain} was traced all the way (a static registry may hide its path). */
    public final boolean chainTraced;

    public final List<StackTraceElement> site;
    public final String thread;
    public final long registeredMillis;
    public final EndOfLife end;
    /** The owner's field that holds the subject, or {@code null}. */
    public final String subjectField;
    /** The owner's field that holds the very listener registered, or {@code null}. */
    public final String listenerField;
    /** Estimated bytes the owner keeps reachable, the owner included (see {@link RetainedEstimate}). */
    public final long retainedBytes;
    /** For an add that returned a handle: whether the handle was collected, so nothing can undo it. */
    public final boolean handleDropped;
    /** The owner's field that holds the handle, or {@code null}. */
    public final String handleField;
    /** How many registrations this finding stands for: 1, or an accumulation's count. */
    public final int count;

    /**
     * The index of the chain step that reaches the registered listener (the first whose {@code to} is the
     * listener's class), or {@code -1} when the chain does not show it.
     */
    public int listenerStep() {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).to().equals(listenerClass)) {
                return i;
            }
        }
        return -1;
    }

    Finding(
            ApiMethod api,
            String subjectClass,
            boolean staticSubject,
            String listenerClass,
            String ownerClass,
            OwnerRelation relation,
            List<Step> chain,
            boolean chainTraced,
            Registration registration,
            EndOfLife end,
            String subjectField,
            String listenerField,
            long retainedBytes,
            String handleField,
            int count) {
        this.api = api;
        this.subjectClass = subjectClass;
        this.staticSubject = staticSubject;
        this.listenerClass = listenerClass;
        this.ownerClass = ownerClass;
        this.relation = relation;
        this.chain = List.copyOf(chain);
        this.chainTraced = chainTraced;
        this.site = registration.site().frames();
        this.thread = registration.thread();
        this.registeredMillis = registration.timeMillis();
        this.end = end;
        this.subjectField = subjectField;
        this.listenerField = listenerField;
        this.retainedBytes = retainedBytes;
        this.handleDropped = registration.handleDropped();
        this.handleField = handleField;
        this.count = count;
    }
}
