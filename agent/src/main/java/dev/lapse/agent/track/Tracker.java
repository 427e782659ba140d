package dev.lapse.agent.track;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Tracks every registration through weak references, keyed by owner (DESIGN.md section 2, "Track"), and
 * records end-of-life signals. Memory is bounded by {@code maxTracked}: past it registrations are dropped and
 * counted. Objects of the application are compared by identity only; their {@code equals}, {@code hashCode}
 * and {@code toString} are never called.
 */
public final class Tracker {
    private final ApiCatalog catalog;
    private final OwnerResolver owners;
    private final SiteCapture sites;
    private final Stats stats;
    private final int maxTracked;
    private final LongSupplier clock;
    private final LongSupplier majorGcCount;
    private final OwnerTable table = new OwnerTable();
    /** Registrations by the handle their add returned, for the handle's {@code dispose()} to undo them. */
    private final OwnerTable handles = new OwnerTable();
    /** Set at the first handle: until then a {@code close()} anywhere needs no handle lookup. */
    private volatile boolean handlesSeen;
    /**
     * The owners of weak wrappers' delegates, with the wrappers' registrations: a weak wrapper is its own owner in
     * {@link #table}, so this is where its delegate's owner ends.
     */
    private final OwnerTable watchedOwners = new OwnerTable();
    /** Set at the first watched owner: until then an end of life needs no lookup here. */
    private volatile boolean watching;
    /** Set at the first registration watched for a detached subject: until then a check looks for none. */
    private volatile boolean heldSeen;
    /** Weak wrappers whose delegate belongs to another owner, for lost listeners. Guarded by itself. */
    private final List<WeakWatch> weakWatches = new ArrayList<>();

    private int weakWatchesPurgeAt = 64;

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
        this.maxTracked = maxTracked;
        this.clock = clock;
        this.majorGcCount = majorGcCount;
    }

    /**
     * An add method returned: track the registration.
     *
     * @param scope  the scope (a test) running on this thread, or {@code null}
     * @param handle what the add returned when that undoes the registration ({@code Disposable}, ...), or
     *               {@code null}
     */
    public void added(int apiId, Object subject, Object listener, String scope, Object handle) {
        stats.seen.increment();
        drain();
        Object owner = owners.ownerOf(listener);
        if (owner == subject) {
            return; // a subject listening to itself holds nothing but itself
        }
        if (stats.tracked.get() >= maxTracked) {
            stats.dropped.increment();
            return;
        }
        Site site = sites.registration(apiId, listener.getClass(), scope != null);
        long now = clock.getAsLong();
        String thread = Thread.currentThread().getName();
        String heldIn = HeldSubjects.heldIn(owner, subject, site);
        if (heldIn != null && !heldSeen) {
            heldSeen = true;
        }
        Registration r;
        if (handle == null || handle == subject) {
            r = new Registration(listener, subject, apiId, site, now, thread, scope, heldIn);
        } else {
            handlesSeen = true;
            r = handles.withRecord(handle, record -> {
                Registration hr =
                        new HandleRegistration(listener, subject, apiId, site, now, thread, scope, heldIn, record);
                record.add(hr);
                return hr;
            });
        }
        int purged = table.withRecord(owner, record -> record.add(r));
        stats.tracked.addAndGet(1 - purged);
        if (owner == listener && WeakWrappers.isWeakWrapper(listener)) {
            watch(r, listener);
        }
    }

    /**
     * Watches a weak wrapper whose delegate belongs to an owner other than itself, for a lost listener; and one whose
     * delegate is already gone, which lost its callback before it was ever called. The delegate's owner is indexed
     * in {@link #watchedOwners}, so that its end of life is seen though it has no registration of its own.
     */
    private void watch(Registration r, Object wrapper) {
        WeakWrappers.Delegate delegate = WeakWrappers.delegate(wrapper);
        if (delegate == null) {
            return;
        }
        Object target = delegate.reference.get();
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
            watching = true;
            watchedOwners.withRecord(owner, record -> record.add(r));
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

    /** An owner's end of life, for the weak wrappers of its delegates: a lost callback then is no loss. */
    private void endWatches(Object owner, EndOfLife end) {
        if (watching) {
            watchedOwners.ifPresent(owner, record -> {
                record.end(end);
                return Boolean.TRUE;
            });
        }
    }

    /** A weak wrapper was removed: the watch ends, unless its delegate was already gone (a lost listener). */
    private void unwatch(Registration removed) {
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
            watchedOwners.ifPresent(owner, record -> record.removeExact(removed) ? Boolean.TRUE : null);
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
    public List<Lost> lostListeners(Predicate<Registration> which) {
        List<Lost> lost = new ArrayList<>();
        synchronized (weakWatches) {
            weakWatches.removeIf(WeakWatch::gone);
            for (WeakWatch w : weakWatches) {
                Object owner = w.owner.get();
                if (w.delegateAlive()
                        || (owner == null && !w.bornDead)
                        || !which.test(w.registration)
                        || (!w.removedAfterLoss && !registered(w.registration))
                        || (owner != null
                                && (endsLife(table.ifPresent(owner, OwnerRecord::end))
                                        || endsLife(watchedOwners.ifPresent(owner, OwnerRecord::end))))) {
                    continue;
                }
                if (w.lost == null) {
                    w.lost = new EndOfLife(
                            Signal.LOST_LISTENER,
                            null,
                            w.delegateClass,
                            w.registration.site(),
                            clock.getAsLong(),
                            majorGcCount.getAsLong());
                    stats.signals.increment();
                }
                lost.add(new Lost(w, owner));
            }
        }
        return lost;
    }

    /** Whether {@code end} ends the owner's whole life, not some of its registrations. */
    private static boolean endsLife(EndOfLife end) {
        return end != null && !end.partial();
    }

    private boolean registered(Registration r) {
        Object listener = r.get();
        return listener != null
                && table.ifPresent(owners.ownerOf(listener), record -> record.contains(r) ? record : null) != null;
    }

    /** A remove method returned: forget the registration it undid, if it undid one. */
    public void removed(int apiId, Object subject, Object listener) {
        ApiMethod remove = catalog.get(apiId);
        if (remove == null) {
            return;
        }
        Object owner = owners.ownerOf(listener);
        // the undone registration; or, when it left others behind or a partial detachment is under way, that too,
        // read under the same lock (allocated only then, so the common removal allocates nothing more)
        Object result = table.ifPresent(owner, record -> {
            Registration r = record.remove(subject, listener, addId -> {
                ApiMethod add = catalog.get(addId);
                return add != null && add.undoneBy(remove);
            });
            if (r == null || owner == subject) {
                return r;
            }
            int left = record.countLeftBehind(subject, r.apiId(), r.site());
            EndOfLife end = record.end();
            return left > 0 || (end != null && end.signal() == Signal.PARTIAL_DETACHMENT)
                    ? new Removal(r, left, end)
                    : r;
        });
        Removal removal = result instanceof Removal ? (Removal) result : null;
        Registration undone = removal != null ? removal.undone : (Registration) result;
        if (undone != null) {
            if (owner == listener && WeakWrappers.isWeakWrapper(listener)) {
                unwatch(undone);
            }
            // not cleared: Reference.clear() is a native call that cost more than the rest of a removal, and
            // an unreachable weak reference needs no clearing
            stats.tracked.decrementAndGet();
            stats.removed.increment();
            if (removal != null) {
                partial(remove, subject, listener, owner, undone, removal.left, removal.end);
            }
        } else {
            ineffective(remove, subject, listener, owner);
        }
    }

    /**
     * A removal that left others behind: when the owner, from its own code (its class, its nested classes, its
     * application superclasses), took a listener off a subject and still has registrations on that subject, or on
     * subjects it registered on from the same call site, it was detaching from them and forgot those (see
     * {@link EndOfLife#partial} for when that is one). Not a detachment: a listener that takes itself off from its own
     * callback, or any removal made while the subject is dispatching an event (a one-shot listener, however it
     * reaches the remove call). The stack is walked, a few frames and not interned, only when something was left;
     * when nothing was, a signal of this go that no longer covers anything is cleared, so it hides nothing.
     */
    private void partial(
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
                table.ifPresent(owner, record -> {
                    if (record.end() == before && !record.anyCovered(before)) {
                        record.end(null);
                    }
                    return null;
                });
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
        long now = clock.getAsLong();
        String thread = Thread.currentThread().getName();
        boolean sameGo = beforePartial && before.sameGo(thread, frames.get(1), now);
        if (!sameGo
                && before != null
                && before.reportable()
                && table.ifPresent(owner, record -> record.anyCovered(before) ? Boolean.TRUE : null) != null) {
            return; // a detachment already found, or an end, says more than a later removal
        }
        EndOfLife end = EndOfLife.partial(
                remove.display(),
                here,
                thread,
                now,
                majorGcCount.getAsLong(),
                subject,
                undone.apiId(),
                undone.site(),
                left,
                before,
                sameGo);
        if (table.ifPresent(owner, record -> {
                            if (record.end()
                                    == before) { // else something else signalled, or it registered again, meanwhile
                                record.end(end);
                                return Boolean.TRUE;
                            }
                            return null;
                        })
                        != null
                && end.reportable()
                && !(sameGo && before.reportable())) {
            stats.signals.increment();
        }
    }

    /** What a removal found under its lock: what it undid, how many registrations it left, the owner's signal. */
    private static final class Removal {
        final Registration undone;
        final int left;
        final EndOfLife end;

        Removal(Registration undone, int left, EndOfLife end) {
            this.undone = undone;
            this.left = left;
            this.end = end;
        }
    }

    /**
     * A removal that removed nothing: when the listener's owner is registered on the subject with another listener
     * like it (same class, or both lambdas: each {@code this::onEvent} expression has a class of its own), through
     * an add method this remove undoes, the owner meant to remove that one and failed (a second
     * {@code this::onEvent}, a second {@code new Handler()}). A removal of a listener that was never added, with
     * nothing like it registered, is ordinary defensive code and says nothing.
     */
    private void ineffective(ApiMethod remove, Object subject, Object listener, Object owner) {
        Class<?> type = listener.getClass();
        Boolean stillThere = table.ifPresent(owner, record -> {
            for (Registration r : record.snapshot()) {
                Object registered = r.get();
                ApiMethod add = catalog.get(r.apiId());
                if (registered != null
                        && registered != listener
                        && alike(registered.getClass(), type)
                        && r.subject() == subject
                        && add != null
                        && add.undoneBy(remove)) {
                    return Boolean.TRUE;
                }
            }
            return null;
        });
        if (stillThere != null) {
            signal(
                    owner,
                    new EndOfLife(
                            Signal.INEFFECTIVE_REMOVAL,
                            remove.display(),
                            null,
                            sites.here(),
                            clock.getAsLong(),
                            majorGcCount.getAsLong()));
        }
    }

    private static boolean alike(Class<?> a, Class<?> b) {
        return a == b || (a.isHidden() && b.isHidden() && a.isSynthetic() == b.isSynthetic());
    }

    /**
     * A lifecycle-ending method, or a handle's closing method, returned on {@code owner}: a handle's
     * registrations are undone, an owner's life ends.
     */
    public void ended(int methodId, Object owner) {
        if (handlesSeen) {
            closed(owner);
        }
        ApiMethod m = catalog.get(methodId);
        if (m != null && m.kind() == ApiMethod.Kind.CLOSE) {
            return;
        }
        boolean owns = table.ifPresent(owner, record -> Boolean.TRUE) != null;
        boolean watched = watching && watchedOwners.ifPresent(owner, record -> Boolean.TRUE) != null;
        if (!owns && !watched) {
            return; // the common case: not an owner, or one that cleaned up after itself
        }
        EndOfLife end = new EndOfLife(
                Signal.LIFECYCLE_END,
                m == null ? null : m.display(),
                null,
                sites.here(),
                clock.getAsLong(),
                majorGcCount.getAsLong());
        endWatches(owner, end);
        signal(owner, end);
    }

    /** A handle's closing method returned: forget the registrations it undid. */
    private void closed(Object handle) {
        List<Registration> undone = handles.ifPresent(handle, record -> {
            List<Registration> registrations = record.snapshot();
            record.clearAll();
            return registrations;
        });
        if (undone == null) {
            return;
        }
        for (Registration r : undone) {
            Object listener = r.listener();
            if (listener != null
                    && table.ifPresent(owners.ownerOf(listener), record -> record.removeExact(r)) == Boolean.TRUE) {
                stats.tracked.decrementAndGet();
                stats.removed.increment();
            }
        }
    }

    /** Application code declared that {@code owner} should be collected from now on. */
    public void expectCollected(Object owner, String reason) {
        EndOfLife end =
                new EndOfLife(Signal.EXPLICIT, null, reason, sites.here(), clock.getAsLong(), majorGcCount.getAsLong());
        endWatches(owner, end);
        signal(owner, end);
    }

    /**
     * A scope (a test) ended: every owner whose first registration was made in it, and that still has a
     * registration made in it, should now be dead. Owners that existed before the scope are left alone, and so
     * are weak wrappers, which keep nothing alive but themselves.
     *
     * @param description the scope in words for the report, e.g. {@code test FooTest.leaks()}
     */
    public void scopeEnded(String scope, String description) {
        EndOfLife end = new EndOfLife(
                Signal.SCOPE_END, null, description, sites.here(), clock.getAsLong(), majorGcCount.getAsLong());
        int[] signalled = new int[1];
        table.forEach(record -> {
            Object owner = record.owner();
            if (owner != null
                    && (record.end() == null || record.end().partial())
                    && scope.equals(record.firstScope())
                    && record.registeredIn(scope)
                    && !WeakWrappers.isWeakWrapper(owner)) {
                record.end(end);
                signalled[0]++;
            }
            return record.size() > 0;
        });
        stats.signals.add(signalled[0]);
    }

    /** The subjects of the live registrations that {@code which} accepts, by identity. */
    public Set<Object> subjectsOf(Predicate<Registration> which) {
        Set<Object> subjects = Collections.newSetFromMap(new IdentityHashMap<>());
        table.forEach(record -> {
            for (Registration r : record.snapshot()) {
                Object subject = r.subject();
                if (subject != null && which.test(r)) {
                    subjects.add(subject);
                }
            }
            return record.size() > 0;
        });
        return subjects;
    }

    /** Owners with an end-of-life signal and registrations left, each with a snapshot of its registrations. */
    public List<Ended> ended() {
        drain();
        List<Ended> ended = new ArrayList<>();
        int[] purged = new int[1];
        table.forEach(record -> {
            int before = record.size();
            if (record.get() != null) {
                record.purgeDead();
            } else {
                collected(record);
                record.clearAll(); // collected but not yet queued: it holds nothing
            }
            purged[0] += before - record.size();
            if (record.end() != null && record.size() > 0) {
                ended.add(new Ended(record, record.snapshot()));
            }
            return record.size() > 0;
        });
        stats.tracked.addAndGet(-purged[0]);
        if (handlesSeen) {
            handles.forEach(record -> {
                record.purgeDead();
                return record.size() > 0; // a closed handle's empty record goes
            });
        }
        if (watching) {
            watchedOwners.forEach(record -> {
                record.purgeDead();
                return record.size() > 0;
            });
        }
        return ended;
    }

    /** Forgets owners that were collected, and handles. */
    public void drain() {
        if (handlesSeen) {
            handles.expunge(); // their registrations are counted in the owners' table
        }
        if (watching) {
            watchedOwners.expunge(); // likewise
        }
        int gone = table.expunge(this::collected);
        if (gone > 0) {
            stats.tracked.addAndGet(-gone);
        }
    }

    /**
     * An owner was collected: one whose life had ended and that was still registered shows that its registrations
     * kept it alive nowhere. Counted once, where its record leaves the table. Call under the record's segment lock.
     */
    private void collected(OwnerRecord record) {
        if (endsLife(record.end()) && record.size() > 0) {
            stats.endedCollected.increment();
        }
    }

    /**
     * Live registrations that {@code which} accepts whose owner has no end of life that covers them: what a check
     * cannot judge, since nothing said their owners should be dead.
     */
    public int unjudged(Predicate<Registration> which) {
        int[] n = new int[1];
        table.forEach(record -> {
            if (record.get() != null) {
                n[0] += record.unjudged(which);
            }
            return true;
        });
        return n[0];
    }

    public Stats stats() {
        return stats;
    }

    /** Owners tracked right now. */
    public int owners() {
        return table.size();
    }

    /**
     * Records an end of life. A failed removal is kept over the lifecycle end that usually follows it (it says more),
     * and a signal about some registrations never replaces one about all of them.
     */
    private void signal(Object owner, EndOfLife end) {
        if (table.ifPresent(owner, record -> {
                    EndOfLife before = record.end();
                    if (before == null
                            || (before.signal() != Signal.INEFFECTIVE_REMOVAL
                                    && (!end.partial() || before.partial()))) {
                        record.end(end);
                    }
                    return Boolean.TRUE;
                })
                != null) {
            stats.signals.increment();
        }
    }

    /**
     * Registrations watched for a detached subject ({@link Registration#heldIn()}) whose owner and subject live and
     * whose owner has no end of life: the check decides whether the owner still reaches the subject. A snapshot,
     * taken under the table's locks; the reachability work happens after, outside them.
     */
    public List<Held> heldSubjects() {
        List<Held> held = new ArrayList<>();
        if (!heldSeen) {
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
            return record.size() > 0;
        });
        return held;
    }

    /**
     * The check found that {@code owner} no longer reaches the subjects of {@code left}, which still hold its
     * listeners: a detached subject, about those registrations only.
     */
    public void subjectDetached(Object owner, List<Registration> left) {
        signal(owner, EndOfLife.detached(left, clock.getAsLong(), majorGcCount.getAsLong()));
    }
    /**
     * Call sites that keep adding listeners to one subject: at least {@code threshold} live registrations with one
     * subject, add method and site, the first and the last of them at least {@code windowMillis} apart (a burst at
     * start-up is shorter). Subjects with fewer registrations in all are passed over after one count.
     */
    public List<Accumulation> accumulations(int threshold, long windowMillis) {
        Map<Object, int[]> perSubject = new IdentityHashMap<>();
        table.forEach(record -> {
            for (Registration r : record.snapshot()) {
                Object subject = r.subject();
                if (subject != null && r.get() != null) {
                    perSubject.computeIfAbsent(subject, s -> new int[1])[0]++;
                }
            }
            return record.size() > 0;
        });
        perSubject.values().removeIf(n -> n[0] < threshold);
        if (perSubject.isEmpty()) {
            return List.of();
        }
        Map<Object, Map<List<Object>, List<Registration>>> groups = new IdentityHashMap<>();
        table.forEach(record -> {
            for (Registration r : record.snapshot()) {
                Object subject = r.subject();
                if (subject != null && r.get() != null && perSubject.containsKey(subject)) {
                    groups.computeIfAbsent(subject, s -> new HashMap<>())
                            .computeIfAbsent(List.of(r.site(), r.apiId()), k -> new ArrayList<>())
                            .add(r);
                }
            }
            return record.size() > 0;
        });
        long now = clock.getAsLong();
        List<Accumulation> found = new ArrayList<>();
        for (Map.Entry<Object, Map<List<Object>, List<Registration>>> bySubject : groups.entrySet()) {
            for (List<Registration> same : bySubject.getValue().values()) {
                if (same.size() < threshold) {
                    continue;
                }
                same.sort(Comparator.comparingLong(Registration::timeMillis));
                long first = same.get(0).timeMillis();
                long last = same.get(same.size() - 1).timeMillis();
                if (last - first < windowMillis) {
                    continue;
                }
                int recent = 0;
                for (Registration r : same) {
                    recent += now - r.timeMillis() <= windowMillis ? 1 : 0;
                }
                String reason = same.size() + " live registrations from one call site"
                        + (last - first >= 1000 ? " over " + minutesAndSeconds(last - first) : "")
                        + (windowMillis > 0
                                ? ", " + recent + " of them in the last " + minutesAndSeconds(windowMillis)
                                : "");
                found.add(new Accumulation(
                        bySubject.getKey(),
                        same,
                        new EndOfLife(
                                Signal.ACCUMULATION,
                                null,
                                reason,
                                same.get(same.size() - 1).site(),
                                now,
                                majorGcCount.getAsLong())));
            }
        }
        return found;
    }

    private static String minutesAndSeconds(long millis) {
        long seconds = Math.max(1, millis / 1000);
        return seconds < 60
                ? seconds + " s"
                : seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    /** One call site's registrations on one subject, oldest first, and the signal that names them. */
    public static final class Accumulation {
        public final Object subject;
        public final List<Registration> registrations;
        public final EndOfLife end;

        Accumulation(Object subject, List<Registration> registrations, EndOfLife end) {
            this.subject = subject;
            this.registrations = List.copyOf(registrations);
            this.end = end;
        }
    }

    /** A weak wrapper whose delegate was collected while its owner lives on; names only, and the owner. */
    public static final class Lost {
        public final Registration registration;
        /** The owner, or {@code null} when the delegate was gone before the registration returned. */
        public final Object owner;

        public final String ownerClass;
        public final EndOfLife end;
        public final String subjectClass;
        public final boolean staticSubject;
        public final String wrapperClass;
        /** The wrapper's field that holds the reference to the delegate, and the reference's class. */
        public final String field;

        public final String referenceClass;
        /** Whether the wrapper is still registered; else it removed itself after the loss. */
        public final boolean stillRegistered;
        /** How many wrappers of this owner and site were lost: 1, or more that removed themselves. */
        public final int count;

        Lost(WeakWatch w, Object owner) {
            this.registration = w.registration;
            this.owner = owner;
            this.ownerClass = w.ownerClass;
            this.end = w.lost;
            this.subjectClass = w.subjectClass;
            this.staticSubject = w.staticSubject;
            this.wrapperClass = w.wrapperClass;
            this.field = w.field;
            this.referenceClass = w.referenceClass;
            this.stillRegistered = !w.removedAfterLoss;
            this.count = 1 + w.losses;
        }
    }

    /** A registration on a subject its owner held when it registered, with both objects, for one check. */
    public static final class Held {
        public final Object owner;
        public final Object subject;
        public final Registration registration;

        Held(Object owner, Object subject, Registration registration) {
            this.owner = owner;
            this.subject = subject;
            this.registration = registration;
        }
    }

    /** An ended owner's record and its registrations at the time of the check. */
    public static final class Ended {
        public final OwnerRecord record;
        public final List<Registration> registrations;

        Ended(OwnerRecord record, List<Registration> registrations) {
            this.record = record;
            this.registrations = List.copyOf(registrations);
        }
    }
}
