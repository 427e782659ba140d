package dev.lapse.agent.track;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Why an owner should now be dead: the signal, where it happened and when, and which of the owner's registrations
 * it speaks of (all of them, or, for a partial detachment or a detached subject, only those it left behind).
 * Immutable.
 */
public final class EndOfLife {
    private final Signal signal;
    private final String method;
    private final String reason;
    private final Site site;
    private final long timeMillis;
    private final long majorGcsBefore;
    /** The registrations the signal speaks of; {@code null} for all of the owner's. */
    private final Coverage coverage;
    /** An accumulation's growth, for the report to word; {@code null} for the other signals. */
    private final Growth growth;

    /**
     * @param timeMillis     when the signal happened (the injected clock)
     * @param majorGcsBefore full collections so far: confirmation needs one more
     */
    public EndOfLife(Signal signal, String method, String reason, Site site, long timeMillis, long majorGcsBefore) {
        this(signal, method, reason, site, timeMillis, majorGcsBefore, null, null);
    }

    private EndOfLife(
            Signal signal,
            String method,
            String reason,
            Site site,
            long timeMillis,
            long majorGcsBefore,
            Coverage coverage,
            Growth growth) {
        this.signal = signal;
        this.method = method;
        this.reason = reason;
        this.site = site;
        this.timeMillis = timeMillis;
        this.majorGcsBefore = majorGcsBefore;
        this.coverage = coverage;
        this.growth = growth;
    }

    /** An accumulation at {@code site} (its newest registration's), which grew as {@code growth} says. */
    public static EndOfLife accumulation(Growth growth, Site site, long timeMillis, long majorGcsBefore) {
        return new EndOfLife(Signal.ACCUMULATION, null, null, site, timeMillis, majorGcsBefore, null, growth);
    }

    /** A detached subject, speaking of {@code left} only; the reason is the field that held the first's subject. */
    public static EndOfLife detached(List<Registration> left, long timeMillis, long majorGcsBefore) {
        Set<Registration> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(left);
        return new EndOfLife(
                Signal.DETACHED_SUBJECT,
                null,
                left.get(0).heldIn(),
                left.get(0).site(),
                timeMillis,
                majorGcsBefore,
                set::contains,
                null);
    }

    /**
     * This end, of what the owner was bound to, as the end of the owner's {@code registrations} made while it was
     * bound ({@link CandidateEnds}); the reason is the class of what it was bound to.
     */
    EndOfLife boundTo(List<Registration> registrations, String boundClass) {
        Set<Registration> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(registrations);
        return new EndOfLife(signal, method, boundClass, site, timeMillis, majorGcsBefore, set::contains, null);
    }

    /**
     * A partial detachment after a removal at {@code site} on {@code thread} that left {@code leftCount}
     * registrations on {@code subject}, or through {@code apiId} from {@code registrationSite}; {@code before} is the
     * owner's signal so far, whose scope it widens when this removal is of the same go. It is one (it speaks of
     * something) once the owner took at least two listeners off in one go and at least as many as it left: one
     * removal alone is as often a listener switched off for good, and a couple taken off a hundred per-item
     * listeners is an edit, not a teardown.
     */
    public static EndOfLife partial(
            String removeMethod,
            Site site,
            String thread,
            long timeMillis,
            long majorGcsBefore,
            Object subject,
            int apiId,
            Site registrationSite,
            int leftCount,
            EndOfLife before,
            boolean sameGo) {
        Partial go = sameGo ? (Partial) before.coverage : null;
        List<LeftBehind> scopes = new ArrayList<>(2);
        if (go != null) {
            scopes.addAll(go.scopes());
        }
        LeftBehind scope = new LeftBehind(subject, apiId, registrationSite);
        if (!scopes.contains(scope)) {
            scopes.add(scope);
        }
        int removals = go == null ? 1 : go.removals() + 1;
        return new EndOfLife(
                Signal.PARTIAL_DETACHMENT,
                removeMethod,
                null,
                site,
                timeMillis,
                majorGcsBefore,
                new Partial(scopes, removals, thread, removals >= 2 && removals >= leftCount),
                null);
    }

    public Signal signal() {
        return signal;
    }

    /**
     * The lifecycle method that returned ({@code com.acme.View#dispose}), the remove method of an ineffective removal
     * or a partial detachment, or {@code null}.
     */
    public String method() {
        return method;
    }

    /**
     * The reason given to {@code Lapse.expectCollected}, the ended scope's name, a lost listener's collected
     * delegate class, the owner's field that held a detached subject, for a lifecycle end of what the owner was
     * bound to the class of that, or {@code null} (an accumulation's is its
     * {@link #growth()}, which the report words).
     */
    public String reason() {
        return reason;
    }

    /** An accumulation's growth; {@code null} for the other signals. */
    public Growth growth() {
        return growth;
    }

    /** The stack at the signal; for a lifecycle end the lifecycle method's own frame comes first. */
    public Site site() {
        return site;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /**
     * This end told as a detached subject: the owner no longer reaches the subject it held in {@code field} when it
     * registered. The owner's own end (its method, site and time) stays, so the report still says when it ended,
     * but the fix belongs where it let go of the subject.
     */
    public EndOfLife detachedFrom(String field) {
        return new EndOfLife(Signal.DETACHED_SUBJECT, method, field, site, timeMillis, majorGcsBefore, null, null);
    }

    /**
     * Whether the signal speaks of {@code r}: of every registration of the owner, or of those it names; a partial
     * detachment that is not one yet speaks of nothing.
     */
    public boolean covers(Registration r) {
        return coverage == null || coverage.covers(r);
    }

    /**
     * Whether the signal speaks of some of the owner's registrations only (a partial detachment, a detached
     * subject), so that an end of the owner's whole life replaces it.
     */
    public boolean partial() {
        return signal.coversPart();
    }

    /** Whether it speaks of anything yet: only a partial detachment may not. */
    public boolean reportable() {
        return !(coverage instanceof Partial) || ((Partial) coverage).reportable();
    }

    /** Whether a removal on {@code thread} from {@code caller}'s method, at {@code now}, is of this partial's go. */
    public boolean sameGo(String thread, StackTraceElement caller, long now) {
        if (!(coverage instanceof Partial)
                || !thread.equals(((Partial) coverage).thread())
                || now - timeMillis >= 1000
                || site.frames().size() < 2) {
            return false;
        }
        StackTraceElement before = site.frames().get(1);
        return before.getClassName().equals(caller.getClassName())
                && before.getMethodName().equals(caller.getMethodName());
    }

    /** Count of full collections before the signal: confirmation needs one more. */
    public long majorGcsBefore() {
        return majorGcsBefore;
    }

    /** Which of an owner's registrations a signal speaks of. */
    private interface Coverage {
        boolean covers(Registration r);
    }

    /**
     * A partial detachment's: what is left on the subjects it took listeners off, per subject and per site, and the
     * go it is counted in: how many removals, on which thread, and whether that makes it one yet (a partial
     * detachment that is not one yet speaks of nothing).
     */
    private record Partial(List<LeftBehind> scopes, int removals, String thread, boolean reportable)
            implements Coverage {
        Partial {
            scopes = List.copyOf(scopes);
        }

        @Override
        public boolean covers(Registration r) {
            if (!reportable) {
                return false;
            }
            for (LeftBehind s : scopes) {
                if (s.covers(r)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The registrations left on one subject, or made through one API from one site: held by the subject's identity
     * (weakly) and the site, so that a removal needs no set of what it left.
     */
    private static final class LeftBehind {
        final WeakReference<Object> subject;
        final int apiId;
        final Site site;

        LeftBehind(Object subject, int apiId, Site site) {
            this.subject = new WeakReference<>(subject);
            this.apiId = apiId;
            this.site = site;
        }

        boolean covers(Registration r) {
            return r.leftBy(subject.get(), apiId, site);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LeftBehind
                    && ((LeftBehind) o).subject.get() == subject.get()
                    && ((LeftBehind) o).apiId == apiId
                    && ((LeftBehind) o).site.equals(site);
        }

        @Override
        public int hashCode() {
            return site.hashCode() * 31 + apiId;
        }
    }
}
