package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.OwnerIndex;
import dev.lapse.agent.track.OwnerResolver;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Step;
import dev.lapse.agent.track.WeakWrappers;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lost listener (DESIGN.md section 3), and the weak-wrapper watch it needs: a weak wrapper's delegate collected while
 * the owner it belonged to lives on with no end of its whole life, so its callback silently stopped. Wrappers whose
 * delegate belongs to another owner are watched from registration; the delegate's owner is indexed in
 * {@link #watchedOwners}, so that its end of life is seen though it has no registration of its own.
 *
 * <p>The same loss on a subject that holds its callbacks weakly itself (a task system that "cannot leak",
 * {@link WeakHolding}): a callback of an owner other than itself, handed over and collected while the registration
 * was never undone, the owner lives on with no end of its whole life, and the subject still holds the cleared
 * reference it kept for it (it still counts the callback as pending: one that ran or was removed, the subject lets go
 * of).
 */
public final class LostListenerRule {
    private final RegistrationTable table;
    private final OwnerResolver owners;
    private final SignalClock clock;
    /** The owners of weak wrappers' delegates, with the wrappers' registrations. */
    private final OwnerIndex watchedOwners = new OwnerIndex();
    /** Weak wrappers whose delegate belongs to another owner. Guarded by itself. */
    private final List<WeakWatch> weakWatches = new ArrayList<>();

    private int weakWatchesPurgeAt = 64;

    private final WeakHolding holding = new WeakHolding();
    /** Callbacks that their subjects hold only weakly. Guarded by itself. */
    private final List<HeldWatch> heldWatches = new ArrayList<>();

    private int heldWatchesPurgeAt = 64;

    public LostListenerRule(RegistrationTable table, OwnerResolver owners, SignalClock clock) {
        this.table = table;
        this.owners = owners;
        this.clock = clock;
    }

    /**
     * A weak wrapper's delegate's loss, with names only, and the owner.
     *
     * @param owner           the owner, or {@code null} when the delegate was gone before the registration returned
     * @param field           the wrapper's field that holds the reference to the delegate
     * @param stillRegistered whether the wrapper is still registered; else it removed itself after the loss
     * @param count           how many wrappers of this owner and site were lost: 1, or more that removed themselves
     * @param heldThrough     for a callback the subject itself held weakly, the way from the subject to its cleared
     *                        reference (the wrapper's class is then the callback's); {@code null} for a weak wrapper
     */
    public record Lost(
            Registration registration,
            Object owner,
            String ownerClass,
            EndOfLife end,
            String subjectClass,
            boolean staticSubject,
            String wrapperClass,
            String field,
            String referenceClass,
            boolean stillRegistered,
            int count,
            List<Step> heldThrough) {}

    /**
     * Watches a weak wrapper registered as {@code r} whose delegate belongs to an owner other than itself; and one
     * whose delegate is already gone, which lost its callback before it was ever called.
     */
    public void watch(Registration r, Object wrapper) {
        WeakWrappers.Delegate delegate = WeakWrappers.delegate(wrapper);
        if (delegate == null) {
            return;
        }
        Object target = delegate.reference().get();
        Object owner = target == null ? null : owners.ownerOf(target);
        if (target != null && owner == target) {
            return; // a delegate that is its own owner dies with it: nothing to lose
        }
        List<StackTraceElement> frames = r.site().frames();
        String ownerClass = owner != null
                ? owner.getClass().getName()
                : frames.isEmpty()
                        ? wrapper.getClass().getName()
                        : frames.get(0).getClassName();
        if (owner != null) {
            watchedOwners.add(owner, r);
        }
        synchronized (weakWatches) {
            if (weakWatches.size() >= weakWatchesPurgeAt) {
                weakWatches.removeIf(WeakWatch::gone);
                weakWatchesPurgeAt = Math.max(64, weakWatches.size() * 2);
            }
            weakWatches.add(new WeakWatch(
                    r,
                    wrapper,
                    r.subject(),
                    delegate,
                    owner,
                    ownerClass,
                    target == null ? null : target.getClass().getName()));
        }
    }

    /**
     * A registration {@code r} of {@code callback}, whose owner {@code owner} is another object: watched when its
     * subject holds it only through a weak reference ({@link WeakHolding}, learnt once per API).
     */
    public void handedOver(Registration r, Object subject, Object callback, Object owner) {
        WeakHolding.Held held = holding.heldWeakly(r.apiId(), subject, callback);
        if (held == null) {
            return;
        }
        synchronized (heldWatches) {
            if (heldWatches.size() >= heldWatchesPurgeAt) {
                heldWatches.removeIf(HeldWatch::gone);
                heldWatchesPurgeAt = Math.max(64, heldWatches.size() * 2);
            }
            heldWatches.add(new HeldWatch(r, held.reference(), owner, callback, held.path()));
        }
    }

    /** Whether {@code owner} is the owner of a watched wrapper's delegate. */
    public boolean watches(Object owner) {
        return watchedOwners.has(owner);
    }

    /** An owner's end of life, for the weak wrappers of its delegates: a lost callback then is no loss. */
    public void ownerEnded(Object owner, EndOfLife end) {
        watchedOwners.end(owner, end);
        if (end.partial()) {
            return;
        }
        synchronized (heldWatches) {
            for (HeldWatch h : heldWatches) {
                if (h.owner.get() == owner) {
                    h.ownerEnded = true; // its record may be gone with its callback by the time of the check
                }
            }
        }
    }

    /** A weak wrapper was removed: the watch ends, unless its delegate was already gone (a lost listener). */
    public void unwatch(Registration removed) {
        Object owner = null;
        synchronized (weakWatches) {
            for (int i = 0; i < weakWatches.size(); i++) {
                WeakWatch w = weakWatches.get(i);
                if (w.registration == removed) {
                    owner = w.owner.get();
                    if (w.delegateAlive()) {
                        weakWatches.remove(i);
                    } else if (!mergeLoss(w, i)) {
                        w.removedAfterLoss = true;
                    }
                    break;
                }
            }
        }
        if (owner != null) {
            watchedOwners.remove(owner, removed);
        }
    }

    /**
     * A wrapper that removed itself after its loss counts into an earlier one of the same owner and site, which
     * stays; this one goes. Per-request wrappers on a long-lived service thus cost one watch per site, not one per
     * request. Call holding {@link #weakWatches}.
     */
    private boolean mergeLoss(WeakWatch w, int index) {
        for (WeakWatch other : weakWatches) {
            if (other != w
                    && other.removedAfterLoss
                    && other.owner.get() == w.owner.get()
                    && other.ownerClass.equals(w.ownerClass)
                    && other.registration.site().equals(w.registration.site())) {
                other.losses++;
                weakWatches.remove(index);
                return true;
            }
        }
        return false;
    }

    /**
     * Weak wrappers still registered, or that removed themselves once their delegate was gone, whose delegate was
     * collected while the owner it belonged to lives on with no end of its whole life (or before the registration
     * returned): callbacks that silently stopped. Each is signalled once, when first seen, and needs a full
     * collection after that to show the owner is really alive.
     */
    public List<Lost> lost(Predicate<Registration> which) {
        List<Lost> lost = new ArrayList<>();
        synchronized (weakWatches) {
            weakWatches.removeIf(WeakWatch::gone);
            for (WeakWatch w : weakWatches) {
                Object owner = w.owner.get();
                if (w.delegateAlive()
                        || (owner == null && !w.bornDead)
                        || !which.test(w.registration)
                        || (!w.removedAfterLoss && !registered(w.registration))
                        || (owner != null && (endsLife(table.endOf(owner)) || endsLife(watchedOwners.endOf(owner))))) {
                    continue;
                }
                if (w.lost == null) {
                    w.lost = clock.end(Signal.LOST_LISTENER, null, w.delegateClass, w.registration.site());
                    table.countSignals(1);
                }
                lost.add(new Lost(
                        w.registration,
                        owner,
                        w.ownerClass,
                        w.lost,
                        w.subjectClass,
                        w.staticSubject,
                        w.wrapperClass,
                        w.field,
                        w.referenceClass,
                        !w.removedAfterLoss,
                        1 + w.losses,
                        null));
            }
        }
        heldLost(which, lost);
        return lost;
    }

    /**
     * Callbacks their subjects held weakly, collected while the subject still holds the cleared reference it kept for
     * each (checked by a search from the subject) and the owner lives on with no end of its whole life.
     */
    private void heldLost(Predicate<Registration> which, List<Lost> lost) {
        synchronized (heldWatches) {
            heldWatches.removeIf(HeldWatch::gone);
            for (HeldWatch h : heldWatches) {
                Object owner = h.owner.get();
                Object subject = h.registration.subject();
                Reference<?> reference = h.reference();
                if (owner == null
                        || subject == null
                        || reference == null
                        || h.registration.get() != null
                        || h.ownerEnded
                        || !which.test(h.registration)
                        || endsLife(table.endOf(owner))
                        || WeakHolding.strongPath(subject, reference) == null) {
                    continue;
                }
                if (h.lost == null) {
                    h.lost = clock.end(Signal.LOST_LISTENER, null, h.callbackClass, h.registration.site());
                    table.countSignals(1);
                }
                lost.add(new Lost(
                        h.registration,
                        owner,
                        h.ownerClass,
                        h.lost,
                        h.subjectClass,
                        false,
                        h.callbackClass,
                        "referent",
                        h.referenceClass,
                        true,
                        1,
                        h.path));
            }
        }
    }

    /** Whether {@code end} ends the owner's whole life, not some of its registrations. */
    private static boolean endsLife(EndOfLife end) {
        return end != null && !end.partial();
    }

    private boolean registered(Registration r) {
        Object listener = r.get();
        return listener != null && table.contains(owners.ownerOf(listener), r);
    }

    /** Drops watched registrations whose listener or subject was collected. */
    public void purge() {
        watchedOwners.purge();
    }

    /** Forgets collected owners of delegates. */
    public void expunge() {
        watchedOwners.expunge();
    }
}
