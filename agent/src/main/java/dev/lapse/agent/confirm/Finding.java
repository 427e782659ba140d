package dev.lapse.agent.confirm;

import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Site;
import dev.lapse.agent.track.Step;
import java.util.List;

/**
 * One confirmed lapsed listener: a registration whose owner should be dead and, after a full collection, is still
 * reachable from the subject through the listener. Holds names and frames only, never the objects. A finding may
 * stand for several registrations of one shape (see {@link #merged}): then its chain, thread, end and fields are its
 * first registration's, and its count, retained bytes and registration times are all of theirs.
 *
 * @param chain            subject to owner, field by field
 * @param chainTraced      whether {@link #chain} was traced all the way (a static registry may hide its path)
 * @param site             the registration's frames
 * @param paths            the distinct paths sampled at the registering line, {@code site}'s own first (see
 *                         {@link Site#paths()})
 * @param thread           the registering thread's name
 * @param firstRegisteredMillis when it was registered (the earliest, for several)
 * @param lastRegisteredMillis  when the last of them was registered: {@code firstRegisteredMillis} for one
 * @param subjectField     the owner's field that holds the subject, or {@code null}
 * @param listenerField    the owner's field that holds the very listener registered, or {@code null}
 * @param retainedBytes    estimated bytes the owner keeps reachable, the owner included (see {@link RetainedEstimate})
 * @param handleDropped    for an add that returned a handle: whether the handle was collected, so nothing can undo it
 * @param handleField      the owner's field that holds the handle, or {@code null}
 * @param count            how many registrations this finding stands for: 1, an accumulation's count, or how many
 *                         of one shape it stands for
 */
public record Finding(
        ApiMethod api,
        String subjectClass,
        boolean staticSubject,
        String listenerClass,
        String ownerClass,
        OwnerRelation relation,
        List<Step> chain,
        boolean chainTraced,
        List<StackTraceElement> site,
        List<Site> paths,
        String thread,
        long firstRegisteredMillis,
        long lastRegisteredMillis,
        EndOfLife end,
        String subjectField,
        String listenerField,
        long retainedBytes,
        boolean handleDropped,
        String handleField,
        int count) {
    public Finding {
        chain = List.copyOf(chain);
    }

    /** A finding about {@code registration}: its site, thread, time and handle are the registration's. */
    static Finding of(
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
        return new Finding(
                api,
                subjectClass,
                staticSubject,
                listenerClass,
                ownerClass,
                relation,
                chain,
                chainTraced,
                registration.site().frames(),
                registration.site().paths(),
                registration.thread(),
                registration.timeMillis(),
                registration.timeMillis(),
                end,
                subjectField,
                listenerField,
                retainedBytes,
                registration.handleDropped(),
                handleField,
                count);
    }

    /**
     * This finding standing for {@code count} registrations of its shape, this one included, that keep
     * {@code retainedBytes} alive together and were registered from {@code firstMillis} to {@code lastMillis}.
     */
    Finding merged(int count, long retainedBytes, long firstMillis, long lastMillis) {
        return new Finding(
                api,
                subjectClass,
                staticSubject,
                listenerClass,
                ownerClass,
                relation,
                chain,
                chainTraced,
                site,
                paths,
                thread,
                firstMillis,
                lastMillis,
                end,
                subjectField,
                listenerField,
                retainedBytes,
                handleDropped,
                handleField,
                count);
    }

    /**
     * The index of the chain step that reaches the registered listener (the first whose {@code to} is the listener's
     * class), or {@code -1} when the chain does not show it.
     */
    public int listenerStep() {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).to().equals(listenerClass)) {
                return i;
            }
        }
        return -1;
    }
}
