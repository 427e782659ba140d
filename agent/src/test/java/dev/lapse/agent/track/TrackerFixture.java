package dev.lapse.agent.track;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.instrument.CatalogForTests;
import dev.lapse.fixtures.HostileIdentity;
import dev.lapse.fixtures.TrackedSubject;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A tracker with an injected clock and collection count, and one add/remove pair and one lifecycle method, for the
 * tracker's and the signal rules' tests. {@link #hook()} reports the calls of a {@link TrackedSubject} as the
 * instrumented add and remove methods would, so that the owner's code shows on the stack.
 */
public final class TrackerFixture {
    public final ApiCatalog catalog = new ApiCatalog();
    public final ApiMethod add = CatalogForTests.add(catalog, "com.acme.Model", "addListener", "removeListener");
    public final ApiMethod remove = CatalogForTests.remove(catalog, "com.acme.Model", "removeListener");
    public final ApiMethod dispose = CatalogForTests.end(catalog, "com.acme.View", "dispose");
    public final AtomicLong clock = new AtomicLong(1_000_000);
    public final AtomicLong fullGcs = new AtomicLong();
    public final Stats stats = new Stats();
    public final Tracker tracker;

    public TrackerFixture() {
        this(100);
    }

    public TrackerFixture(int maxTracked) {
        tracker = new Tracker(
                catalog, new OwnerResolver(), new SiteCapture(catalog), stats, maxTracked, clock::get, fullGcs::get);
    }

    /** What a {@link TrackedSubject}'s add and remove methods call. */
    public TrackedSubject.Hook hook() {
        return new TrackedSubject.Hook() {
            @Override
            public void added(Object subject, Object listener) {
                tracker.added(add.id(), subject, listener, null, null, 0, null, null);
            }

            @Override
            public void removed(Object subject, Object listener) {
                tracker.removed(remove.id(), subject, listener);
            }
        };
    }

    public void add(Object subject, Object listener) {
        tracker.added(add.id(), subject, listener, null, null, 0, null, null);
    }

    public void addInScope(Object subject, Object listener, String scope) {
        tracker.added(add.id(), subject, listener, scope, null, 0, null, null);
    }

    public void remove(Object subject, Object listener) {
        tracker.removed(remove.id(), subject, listener);
    }

    public void dispose(Object owner) {
        tracker.ended(dispose.id(), owner);
    }

    /** The end of {@code owner}'s life as the check would see it, or {@code null}. */
    public EndOfLife endOf(Object owner) {
        for (EndedOwner e : tracker.ended()) {
            if (e.record().owner() == owner) {
                return e.record().end();
            }
        }
        return null;
    }

    /** The registrations of {@code owner} that its end speaks of, as the check would see them. */
    public List<Registration> covered(Object owner) {
        for (EndedOwner e : tracker.ended()) {
            if (e.record().owner() == owner) {
                EndOfLife end = e.record().end();
                return e.registrations().stream().filter(end::covers).toList();
            }
        }
        return List.of();
    }

    /** Real collections until {@code done}, or about a second of trying. */
    public static void collectUntil(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 50 && !done.getAsBoolean(); i++) {
            System.gc();
            Thread.sleep(10);
        }
    }

    /** Whether the referent of {@code ref} was collected. */
    public static BooleanSupplier collected(WeakReference<?> ref) {
        return () -> ref.get() == null;
    }

    /** A listener class whose identity methods all throw: the tracker must never call them. */
    public static final class Hostile extends HostileIdentity implements Runnable {
        @Override
        public void run() {}
    }
}
