package dev.lapse.agent.track.signal;

import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.ReferenceFields;
import dev.lapse.agent.track.CandidateEnds;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Site;
import dev.lapse.agent.track.SiteCapture;
import java.lang.reflect.Field;

/**
 * Lifecycle end (DESIGN.md section 3): a method on the owner that ends its life ({@code close}, {@code dispose},
 * {@code @PreDestroy}, ...) returned normally. The owner is then expected dead, with all its registrations; it is
 * alive again if it registers again (its record forgets the end). The owners of weak wrappers' delegates end too, so
 * that a callback lost after its owner's end is no loss, and so do the listeners that captured it as another candidate
 * owner ({@link CandidateEnds}). An application component's {@code removeNotify()} ends it too, but only for as long as
 * it stays out of a displayable hierarchy: a component added back is displayable again at the check, and its end is
 * taken back there ({@link #revived}).
 */
public final class LifecycleEndRule {
    private final RegistrationTable table;
    private final LostListenerRule weakWatch;
    private final SiteCapture sites;
    private final SignalClock clock;
    private final CandidateEnds candidates;

    /** {@code java.awt.Component.peer}, opened the first time a component's removeNotify end is checked. */
    private static volatile Field componentPeer;

    public LifecycleEndRule(
            RegistrationTable table,
            LostListenerRule weakWatch,
            CandidateEnds candidates,
            SiteCapture sites,
            SignalClock clock) {
        this.table = table;
        this.weakWatch = weakWatch;
        this.candidates = candidates;
        this.sites = sites;
        this.clock = clock;
    }

    /** {@code method} (or an unknown one, {@code null}) returned on {@code owner}. */
    public void ended(ApiMethod method, Object owner) {
        boolean candidate = candidates.isCandidate(owner);
        if (!candidate && !table.has(owner) && !weakWatch.watches(owner)) {
            return; // the common case: not an owner, or one that cleaned up after itself
        }
        // the site is cached per method and owner class: a program that disposes thousands of owners from one place
        // would otherwise walk the stack for each
        Site site = method == null ? sites.here() : sites.ending(method.id(), owner.getClass());
        EndOfLife end = clock.end(Signal.LIFECYCLE_END, method == null ? null : method.display(), null, site);
        if (candidate) {
            candidates.ended(owner, end);
        }
        weakWatch.ownerEnded(owner, end);
        table.signal(owner, end);
    }

    /**
     * Whether {@code end}, {@code owner}'s, is a component's {@code removeNotify()} and the component is displayable
     * again (it has a peer: it was added back to a displayable hierarchy); if so the end is cleared. Read from the
     * JDK's own field, so nothing of the application is called.
     */
    public boolean revived(Object owner, EndOfLife end) {
        String method = end.method();
        if (end.signal() != Signal.LIFECYCLE_END || method == null || !method.endsWith("#removeNotify")) {
            return false;
        }
        Field peer = peerField(owner.getClass());
        if (peer == null || ReferenceFields.read(peer, owner) == null) {
            return false;
        }
        table.replaceEnd(owner, end, null);
        return true;
    }

    private static Field peerField(Class<?> type) {
        Class<?> c = type;
        while (c != null && !c.getName().equals("java.awt.Component")) {
            c = c.getSuperclass();
        }
        if (c == null) {
            return null; // a removeNotify() of a class that is no component: an end like any other
        }
        Field f = componentPeer;
        if (f == null) {
            try {
                f = c.getDeclaredField("peer");
            } catch (NoSuchFieldException | SecurityException e) {
                return null;
            }
            if (!Access.open(f)) {
                return null;
            }
            componentPeer = f;
        }
        return f;
    }
}
