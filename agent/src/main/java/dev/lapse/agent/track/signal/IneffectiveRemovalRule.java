package dev.lapse.agent.track.signal;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.SiteCapture;
import java.lang.ref.WeakReference;
import java.util.List;

/**
 * Ineffective removal (DESIGN.md section 3), as seen at the remove call: a removal that removed nothing, while the
 * listener's owner is registered on the subject with another listener like it (same class, or both lambdas: each
 * {@code this::onEvent} expression has a class of its own), through an add method this remove undoes. The owner
 * meant to remove that one and failed (a second {@code this::onEvent}, a second {@code new Handler()}). A removal of
 * a listener that was never added, with nothing like it registered, is ordinary defensive code and says nothing.
 * Whether the subject still holds the listener is decided at the check, by reachability.
 *
 * <p>A removal that did undo a registration is a claim ({@link RemovalClaims}): kept weakly until the next check,
 * which reports it when the subject still reaches the listener (it removed an entry and left the listener in a second
 * structure) and drops it otherwise.
 */
public final class IneffectiveRemovalRule {
    private final RegistrationTable table;
    private final ApiCatalog catalog;
    private final SiteCapture sites;
    private final SignalClock clock;
    private final RemovalClaims claims = new RemovalClaims();

    public IneffectiveRemovalRule(RegistrationTable table, ApiCatalog catalog, SiteCapture sites, SignalClock clock) {
        this.table = table;
        this.catalog = catalog;
        this.sites = sites;
        this.clock = clock;
    }

    /** {@code remove} of {@code listener} (whose owner is {@code owner}) from {@code subject} undid nothing. */
    public void removedNothing(ApiMethod remove, Object subject, Object listener, Object owner) {
        List<Registration> registered = table.registrationsOf(owner);
        if (registered != null && anotherLikeIt(registered, remove, subject, listener)) {
            table.signal(owner, clock.end(Signal.INEFFECTIVE_REMOVAL, remove.display(), null, sites.here()));
        }
    }

    /**
     * {@code method} (a remove method, or a handle's closing method) undid {@code undone}, whose listener's owner is
     * {@code owner}: a claim for the next check to verify, when its kind's sample has room.
     */
    public void undid(ApiMethod method, Registration undone, Object owner) {
        Object listener = undone.listener();
        if (listener == null || owner == null || !claims.admits(undone.apiId(), listener)) {
            return;
        }
        EndOfLife end =
                clock.end(Signal.INEFFECTIVE_REMOVAL, method == null ? null : method.display(), null, sites.here());
        claims.add(new RemovalClaims.Claim(undone, new WeakReference<>(owner), end));
    }

    /** The removals claimed and not yet settled by a check. */
    public RemovalClaims claims() {
        return claims;
    }

    private boolean anotherLikeIt(List<Registration> registered, ApiMethod remove, Object subject, Object listener) {
        Class<?> type = listener.getClass();
        for (Registration r : registered) {
            Object other = r.get();
            ApiMethod add = catalog.get(r.apiId());
            if (other != null
                    && other != listener
                    && alike(other.getClass(), type)
                    && r.subject() == subject
                    && add != null
                    && add.undoneBy(remove)) {
                return true;
            }
        }
        return false;
    }

    private static boolean alike(Class<?> a, Class<?> b) {
        return a == b || (a.isHidden() && b.isHidden() && a.isSynthetic() == b.isSynthetic());
    }
}
