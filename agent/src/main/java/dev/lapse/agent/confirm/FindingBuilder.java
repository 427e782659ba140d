package dev.lapse.agent.confirm;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.OwnerResolver;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Step;
import dev.lapse.agent.track.signal.LostListenerRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the findings of a check from what it confirmed: the chain from the subject to the owner (the walk's part,
 * then the owner resolver's hops from the listener to its owner), names, and the fields through which the owner's
 * code reaches the subject, the listener and the handle. Keeps names only, never the objects.
 */
final class FindingBuilder {
    private final ApiCatalog catalog;
    private final OwnerResolver owners;

    FindingBuilder(ApiCatalog catalog, OwnerResolver owners) {
        this.catalog = catalog;
        this.owners = owners;
    }

    /** The owner of {@code listener}, for a finding without an ended owner (an accumulation). */
    Object ownerOf(Object listener) {
        return owners.ownerOf(listener);
    }

    /**
     * A confirmed registration of {@code listener} on {@code subject}, which reaches it by {@code toListener}.
     *
     * @param traced whether {@code toListener} was traced all the way (a static registry may hide its first hop)
     * @param count  how many registrations it stands for: 1, or an accumulation's count
     * @param budget what walks may still spend: the way from a listener to the object that registered it is walked
     * @return the finding, or {@code null} when the listener does not reach its owner: an owner that registered a
     *     listener holding nothing of it is not what that listener keeps alive
     */
    Finding finding(
            Object subject,
            Object listener,
            Candidates.Candidate c,
            List<Step> toListener,
            boolean traced,
            long retainedBytes,
            int count,
            ReferenceWalker.Budget budget) {
        OwnerResolver.Explanation explanation = owners.explain(listener);
        if (explanation.relation() == OwnerRelation.REGISTERED_BY) {
            List<Step> toOwner = ReferenceWalker.pathTo(listener, c.owner(), budget);
            if (toOwner == null) {
                return null;
            }
            explanation = new OwnerResolver.Explanation(OwnerRelation.REGISTERED_BY, toOwner);
        }
        List<Step> chain = new ArrayList<>(toListener);
        chain.addAll(explanation.hops());
        boolean staticSubject = subject instanceof Class;
        String subjectClass = staticSubject
                ? ((Class<?>) subject).getName()
                : subject.getClass().getName();
        Object handle = c.registration().handle();
        return Finding.of(
                catalog.get(c.registration().apiId()),
                subjectClass,
                staticSubject,
                listener.getClass().getName(),
                c.owner().getClass().getName(),
                explanation.relation(),
                chain,
                traced,
                c.registration(),
                c.end(),
                Holders.fieldHolding(c.owner(), subject),
                c.owner() == listener ? null : Holders.fieldHolding(c.owner(), listener),
                retainedBytes,
                handle == null ? null : Holders.fieldHolding(c.owner(), handle),
                count);
    }

    /**
     * Whether {@link #finding} would make a finding of {@code listener} and {@code owner}: a listener that holds
     * nothing of the object that registered it must reach it, by a walk. Asked of the registrations of a shape whose
     * finding is made once.
     */
    boolean reachesOwner(Object listener, Object owner, ReferenceWalker.Budget budget) {
        return !owners.registeredBy(listener) || ReferenceWalker.pathTo(listener, owner, budget) != null;
    }

    /**
     * A lost listener needs no walk: its evidence is the collected delegate and the owner that outlived it. The chain
     * goes from the subject to the wrapper (not traced: the subject may have let it go when it removed itself) and on
     * to the delegate that is gone.
     */
    Finding lost(LostListenerRule.Lost l) {
        boolean held = l.heldThrough() != null;
        List<Step> chain = held
                ? heldChain(l)
                : List.of(
                        new Step(
                                l.subjectClass(),
                                l.stillRegistered() ? "(listeners)" : "(removed once its delegate was gone)",
                                l.wrapperClass()),
                        new Step(l.wrapperClass(), l.field(), l.referenceClass()),
                        new Step(
                                l.referenceClass(),
                                "referent",
                                l.end().reason() != null
                                        ? l.end().reason()
                                        : "(collected before the registration returned)"));
        Registration r = l.registration();
        Object subject = r.subject();
        return Finding.of(
                catalog.get(r.apiId()),
                l.subjectClass(),
                l.staticSubject(),
                l.wrapperClass(),
                l.ownerClass(),
                held ? OwnerRelation.WEAKLY_HELD : OwnerRelation.WEAK_DELEGATE,
                chain,
                false,
                r,
                l.end(),
                subject == null || l.owner() == null ? null : Holders.fieldHolding(l.owner(), subject),
                null,
                0,
                null,
                l.count());
    }

    /** A callback its subject held weakly: the way from the subject to its cleared reference, and on to what is gone. */
    private static List<Step> heldChain(LostListenerRule.Lost l) {
        List<Step> chain = new ArrayList<>(l.heldThrough());
        chain.add(new Step(l.referenceClass(), "referent", l.wrapperClass()));
        return chain;
    }
}
