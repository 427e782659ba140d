package dev.lapse.agent.track;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.track.signal.AccumulationRule;
import dev.lapse.agent.track.signal.DetachedSubjectRule;
import dev.lapse.agent.track.signal.ExplicitRule;
import dev.lapse.agent.track.signal.IneffectiveRemovalRule;
import dev.lapse.agent.track.signal.LifecycleEndRule;
import dev.lapse.agent.track.signal.LostListenerRule;
import dev.lapse.agent.track.signal.PartialDetachmentRule;
import dev.lapse.agent.track.signal.RemovalClaims;
import dev.lapse.agent.track.signal.ScopeEndRule;
import dev.lapse.agent.track.signal.SignalClock;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Tracks every registration through weak references, keyed by owner (DESIGN.md section 2, "Track"), and records
 * end-of-life signals: what the hook calls, over the {@link RegistrationTable}, the {@link HandleTable}, and one rule
 * per signal ({@code track.signal}; the lost-listener rule keeps the weak-wrapper watch). Memory is bounded by
 * {@code maxTracked}: past it registrations are dropped and counted. Objects of the application are compared by
 * identity only; their {@code equals}, {@code hashCode} and {@code toString} are never called.
 */
public final class Tracker {
    private final ApiCatalog catalog;
    private final OwnerResolver owners;
    private final SiteCapture sites;
    private final Stats stats;
    private final SignalClock clock;
    private final RegistrationTable table;
    private final HandleTable handles = new HandleTable();
    private final SubjectRefs subjects = new SubjectRefs();
    private final LostListenerRule lost;
    private final LifecycleEndRule lifecycle;
    private final ExplicitRule explicit;
    private final ScopeEndRule scopes;
    private final PartialDetachmentRule partial;
    private final IneffectiveRemovalRule ineffective;
    private final DetachedSubjectRule detached;
    private final AccumulationRule accumulation;
    private final CandidateEnds candidates;

    /**
     * Registrations between two drains of the collected owners' queues on the registration path (a power of two):
     * a poll is cheap, three per registration are not, and a collected owner's record holds nothing but itself.
     */
    private static final int DRAIN_EVERY = 64;

    private int adds; // racy on purpose: a lost increment moves a drain by one registration

    /**
     * @param clock        wall-clock milliseconds (injected so tests need no sleeps)
     * @param majorGcCount count of full collections so far, read at each signal
     */
    public Tracker(
            ApiCatalog catalog,
            OwnerResolver owners,
            SiteCapture sites,
            Stats stats,
            int maxTracked,
            LongSupplier clock,
            LongSupplier majorGcCount) {
        this.catalog = catalog;
        this.owners = owners;
        this.sites = sites;
        this.stats = stats;
        this.clock = new SignalClock(clock, majorGcCount);
        this.table = new RegistrationTable(stats, maxTracked);
        this.lost = new LostListenerRule(table, owners, this.clock);
        this.candidates = new CandidateEnds(table, owners, stats, catalog);
        this.lifecycle = new LifecycleEndRule(table, lost, candidates, sites, this.clock);
        this.explicit = new ExplicitRule(table, lost, candidates, sites, this.clock);
        this.scopes = new ScopeEndRule(table, sites, this.clock);
        this.partial = new PartialDetachmentRule(table, sites, this.clock);
        this.ineffective = new IneffectiveRemovalRule(table, catalog, sites, this.clock);
        this.detached = new DetachedSubjectRule(table, this.clock);
        this.accumulation = new AccumulationRule(table, this.clock);
    }

    /**
     * An add method returned: track the registration.
     *
     * @param scope  the scope (a test) running on this thread, or {@code null}
     * @param handle what the add returned when that undoes the registration ({@code Disposable}, ...), or
     *               {@code null}
     * @param siteId the id of the call site that made it ({@code instrument/callsite}), or 0 when none is known
     * @param caller the {@code this} of the code that made the call, or {@code null} when none is known
     * @param inner  for an add that returned its handle, the subjects it registered on inside its own call, in
     *               the order those calls began, up to the first {@code null} (read here, not kept), or {@code null} for none
     */
    public void added(
            int apiId,
            Object subject,
            Object listener,
            String scope,
            Object handle,
            int siteId,
            Object caller,
            Object[] inner) {
        ApiMethod api = catalog.get(apiId);
        if (api != null && api.isJdkOwn(listener.getClass())) {
            return; // the JDK's own listener on a singleton, or its own task on a scheduler: never the application's
        }
        stats.seen.increment();
        if ((++adds & (DRAIN_EVERY - 1)) == 0) {
            drain();
        }
        Object owner = owners.ownerOf(listener);
        if (owner == subject) {
            return; // a subject listening to itself holds nothing but itself
        }
        if (!table.admit()) {
            return;
        }
        Site site = sites.registration(apiId, siteId, listener.getClass(), scope != null);
        long now = clock.now();
        String thread = Thread.currentThread().getName();
        String heldIn = HeldSubjects.heldIn(owner, subject, site);
        if (heldIn != null) {
            detached.watch();
        }
        WeakReference<Object> subjectRef = subjects.of(subject);
        Registration r = handle == null || handle == subject
                ? new Registration(listener, subjectRef, apiId, site, now, thread, scope, heldIn)
                : handles.add(
                        handle,
                        listener,
                        subjectRef,
                        apiId,
                        site,
                        now,
                        thread,
                        scope,
                        heldIn,
                        innerRefs(inner, subject, listener, owner, handle));
        table.add(owner, r);
        candidates.note(listener, owner);
        if (owner == listener && caller != null && caller != listener && caller != subject) {
            candidates.noteCaller(caller, listener); // it captured nothing of the application's
        }
        if (owner == listener && WeakWrappers.isWeakWrapper(listener)) {
            lost.watch(r, listener);
        } else if (owner != listener) {
            lost.handedOver(r, subject, listener, owner); // one array read, unless its subject holds it weakly
        }
    }

    /**
     * Weak references to the inner subjects, in order (a subject's shared one when it has one: a source others
     * registered on), or {@code null} when there is none. The add's own
     * subject is none (a {@code subscribe} that subscribes to it again inside is no chain), and neither is the
     * listener, its owner or the handle: each holds the listener whatever the undo did.
     */
    private WeakReference<Object>[] innerRefs(
            Object[] inner, Object subject, Object listener, Object owner, Object handle) {
        if (inner == null) {
            return null;
        }
        int n = 0;
        while (n < inner.length && inner[n] != null) {
            n++;
        }
        WeakReference<Object>[] refs = null;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            Object s = inner[i];
            if (s != subject && s != listener && s != owner && s != handle) {
                if (refs == null) {
                    @SuppressWarnings("unchecked")
                    WeakReference<Object>[] made = new WeakReference[n - i];
                    refs = made;
                }
                refs[kept++] = subjects.ifShared(s);
            }
        }
        return refs == null || kept == refs.length ? refs : Arrays.copyOf(refs, kept);
    }

    /** A remove method returned: forget the registration it undid, if it undid one. */
    public void removed(int apiId, Object subject, Object listener) {
        ApiMethod remove = catalog.get(apiId);
        if (remove == null) {
            return;
        }
        Object owner = owners.ownerOf(listener);
        Object result = table.remove(owner, subject, listener, addId -> {
            ApiMethod add = catalog.get(addId);
            return add != null && add.undoneBy(remove);
        });
        RegistrationTable.Removal removal = result instanceof RegistrationTable.Removal r ? r : null;
        Registration undone = removal != null ? removal.undone() : (Registration) result;
        if (undone == null) {
            ineffective.removedNothing(remove, subject, listener, owner);
            return;
        }
        if (owner == listener && WeakWrappers.isWeakWrapper(listener)) {
            lost.unwatch(undone);
        }
        ineffective.undid(remove, undone, owner);
        if (removal != null) {
            partial.removed(remove, subject, listener, owner, undone, removal.left(), removal.end());
        }
    }

    /**
     * A lifecycle-ending method, or a handle's closing method, returned on {@code owner}: a handle's registrations
     * are undone, an owner's life ends.
     */
    public void ended(int methodId, Object owner) {
        List<Registration> undone = handles.closed(owner);
        ApiMethod m = catalog.get(methodId);
        if (undone != null) {
            for (Registration r : undone) {
                Object listener = r.listener();
                if (listener != null) {
                    Object listenerOwner = owners.ownerOf(listener);
                    if (table.forget(listenerOwner, r)) {
                        ineffective.undid(m, r, listenerOwner);
                    }
                }
            }
        }
        if (m == null || m.kind() != ApiMethod.Kind.CLOSE) {
            lifecycle.ended(m, owner);
        }
    }

    /** Application code declared that {@code owner} should be collected from now on. */
    public void expectCollected(Object owner, String reason) {
        explicit.expectCollected(owner, reason);
    }

    /**
     * A scope (a test) ended: its owners should now be dead ({@link ScopeEndRule}).
     *
     * @param description the scope in words for the report, e.g. {@code test FooTest.leaks()}
     */
    public void scopeEnded(String scope, String description) {
        scopes.scopeEnded(scope, description);
    }

    /** Owners with an end-of-life signal and registrations left, each with a snapshot of its registrations. */
    public List<EndedOwner> ended() {
        drain();
        candidates.settle();
        List<EndedOwner> ended = table.ended();
        ended.removeIf(e -> e.record().owner() != null
                && lifecycle.revived(e.record().owner(), e.record().end()));
        handles.purge();
        lost.purge();
        return ended;
    }

    /** Forgets owners that were collected, and handles. */
    public void drain() {
        handles.expunge(); // their registrations are counted in the owners' table
        lost.expunge(); // likewise
        table.expunge();
    }

    /** Weak wrappers' delegates lost while their owners live on ({@link LostListenerRule#lost}). */
    public List<LostListenerRule.Lost> lostListeners(Predicate<Registration> which) {
        return lost.lost(which);
    }

    /** The end of life recorded for {@code owner}, or {@code null}: none, or not an owner. */
    public EndOfLife endOf(Object owner) {
        return table.endOf(owner);
    }

    /** Removals and handles' undos that a check is to verify ({@link RemovalClaims}). */
    public List<RemovalClaims.Claim> removalClaims() {
        return ineffective.claims().claims();
    }

    /** Removals not kept for verification: their kind's sample or the cap was full. */
    public long removalClaimsDropped() {
        return ineffective.claims().dropped();
    }

    /** Whether any removal awaits verification. */
    public boolean anyRemovalClaim() {
        return ineffective.claims().any();
    }

    /** A check settled these claims: the subject let go of the listener, or something else keeps it. */
    public void removalClaimsSettled(List<RemovalClaims.Claim> settled) {
        ineffective.claims().settled(settled);
    }

    /**
     * Whether {@code owner} still has a live registration of {@code listener} on {@code subject} (registered again
     * after the removal, or added twice): the subject holds it for that one.
     */
    public boolean registered(Object owner, Object subject, Object listener) {
        List<Registration> registrations = table.registrationsOf(owner);
        if (registrations != null) {
            for (Registration r : registrations) {
                if (r.listener() == listener && r.subject() == subject) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Registrations to ask about for a detached subject ({@link DetachedSubjectRule#held}). */
    public List<DetachedSubjectRule.Held> heldSubjects() {
        return detached.held();
    }

    /**
     * The check found that {@code owner} no longer reaches the subjects of {@code left}, which still hold its
     * listeners: a detached subject, about those registrations only.
     */
    public void subjectDetached(Object owner, List<Registration> left) {
        detached.detached(owner, left);
    }

    /** Call sites that keep adding listeners to one subject ({@link AccumulationRule}). */
    public List<AccumulationRule.Accumulation> accumulations(int threshold, long windowMillis) {
        return accumulation.find(threshold, windowMillis);
    }

    /** The subjects of the live registrations that {@code which} accepts, by identity. */
    public Set<Object> subjectsOf(Predicate<Registration> which) {
        return table.subjectsOf(which);
    }

    /**
     * Live registrations that {@code which} accepts whose owner has no end of life that covers them: what a check
     * cannot judge, since nothing said their owners should be dead.
     */
    public int unjudged(Predicate<Registration> which) {
        return table.unjudged(which);
    }

    public Stats stats() {
        return stats;
    }

    /** Owners tracked right now. */
    public int owners() {
        return table.owners();
    }
}
