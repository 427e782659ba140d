package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.WeakWrappers;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;

/**
 * A weak wrapper's registration, watched for a lost listener: the wrapper's reference to its delegate and, weakly,
 * the owner that delegate belonged to. When the delegate is collected while that owner lives on with no end of
 * life, the callback silently stopped. Holds the delegate not at all, and the wrapper's {@code Reference} object
 * only weakly.
 */
final class WeakWatch {
    final Registration registration;
    final String field;
    /**
     * The wrapper's reference to its delegate, held weakly: its class may be the application's (a weak-listener
     * library's own {@code WeakReference}), and a watch outlives its wrapper (a loss stays reported), so holding it
     * would keep a redeployed application's loader alive. The wrapper holds it for as long as it is asked about.
     */
    private final WeakReference<Reference<?>> delegate;
    /** The class of the wrapper's reference, for the report. */
    final String referenceClass;
    /** The owner the delegate belonged to; empty for a wrapper whose delegate was gone before it was registered. */
    final WeakReference<Object> owner;

    final String ownerClass;
    /**
     * Whether the delegate was collected before the add method returned: nothing but the wrapper ever held it (the
     * inline {@code WeakListener.of(L.class, this::onEvent)}), so the callback never ran. Its owner is unknown; the
     * class whose code registered it stands for it.
     */
    final boolean bornDead;

    final String delegateClass;
    final String wrapperClass;
    final String subjectClass;
    final boolean staticSubject;
    /**
     * Set when the wrapper was removed from its subject after its delegate was collected: self-removing wrappers
     * (JavaFX's, lapse-weak's) do so at the next event. The callback was lost all the same.
     */
    boolean removedAfterLoss;
    /** Further wrappers of the same owner and site that removed themselves after their loss, counted here. */
    int losses;
    /** Set when the delegate is first seen collected, so the signal keeps its time and collection count. */
    EndOfLife lost;

    WeakWatch(
            Registration registration,
            Object wrapper,
            Object subject,
            WeakWrappers.Delegate delegate,
            Object owner,
            String ownerClass,
            String delegateClass) {
        this.registration = registration;
        this.wrapperClass = wrapper.getClass().getName();
        this.staticSubject = subject instanceof Class;
        this.subjectClass = staticSubject
                ? ((Class<?>) subject).getName()
                : subject.getClass().getName();
        this.field = delegate.field();
        this.delegate = new WeakReference<>(delegate.reference());
        this.referenceClass = delegate.reference().getClass().getName();
        this.owner = new WeakReference<>(owner);
        this.ownerClass = ownerClass;
        this.bornDead = owner == null;
        this.delegateClass = delegateClass;
    }

    /** Whether the wrapper's delegate is still there: its reference (or, once that is gone, nothing) holds it. */
    boolean delegateAlive() {
        Reference<?> reference = delegate.get();
        return reference != null && reference.get() != null;
    }

    /**
     * Whether there is nothing left to watch: the owner was collected, or the wrapper or its subject was (unless
     * the wrapper already removed itself after the loss: that loss stays reported while its owner lives, or, for a
     * wrapper whose delegate was gone before it was registered, for good, one watch per site).
     */
    boolean gone() {
        return (!bornDead && owner.get() == null)
                || (!removedAfterLoss && (registration.get() == null || registration.subject() == null));
    }
}
