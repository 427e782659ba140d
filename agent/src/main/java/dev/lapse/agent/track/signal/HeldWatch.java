package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Step;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.List;

/**
 * A callback handed to a subject that holds it only through a weak reference ({@link WeakHolding}), watched for a lost
 * callback: the subject's reference, weakly (it is the subject's entry for the callback: collected once the subject
 * lets go of it), and the owner, weakly. Holds neither the callback nor the subject.
 */
final class HeldWatch {
    final Registration registration;
    /** The subject's reference to the callback, held weakly: gone once the subject dropped its entry. */
    private final WeakReference<Reference<?>> reference;

    final WeakReference<Object> owner;
    final String ownerClass;
    final String callbackClass;
    final String referenceClass;
    final String subjectClass;
    /** The way from the subject to its reference, when the callback was handed over. */
    final List<Step> path;
    /** Set when the owner's whole life ended: a callback it no longer needs is no loss. */
    boolean ownerEnded;
    /** Set when the callback is first seen lost, so the signal keeps its time and collection count. */
    EndOfLife lost;

    HeldWatch(Registration registration, Reference<?> reference, Object owner, Object callback, List<Step> path) {
        this.registration = registration;
        this.reference = new WeakReference<>(reference);
        this.owner = new WeakReference<>(owner);
        this.ownerClass = owner.getClass().getName();
        this.callbackClass = callback.getClass().getName();
        this.referenceClass = reference.getClass().getName();
        this.subjectClass = registration.subject().getClass().getName();
        this.path = List.copyOf(path);
    }

    /** The subject's reference, while something (the subject, when it still counts the callback as pending) holds it. */
    Reference<?> reference() {
        return reference.get();
    }

    /**
     * Whether there is nothing left to watch: the owner or the subject was collected, or the subject let go of its
     * reference (the task ran, or the callback was removed); a loss already seen stays while they live.
     */
    boolean gone() {
        return owner.get() == null || registration.subject() == null || reference.get() == null;
    }
}
