package dev.lapse.agent.track;

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
    /** Signal names used in reports. */
    public static final String LIFECYCLE_END = "lifecycle-end";
    public static final String EXPLICIT = "explicit";
    /** The scope (a test) that made the registration ended; the reason names the scope. */
    public static final String SCOPE_END = "scope-end";
    /**
     * The owner called a remove method on a subject it is registered on, with another instance of its listener's
     * class ({@code this::onEvent} twice is two objects): the removal removed nothing. The method is the remove
     * method.
     */
    public static final String INEFFECTIVE_REMOVAL = "ineffective-removal";

    /**
     * Not an end: the owner lives on, but the delegate of the weak wrapper it registered was collected, so its
     * callback silently stopped. The reason is the delegate's class.
     */
    public static final String LOST_LISTENER = "lost-listener";

    /**
     * Not an end: one call site keeps adding listeners to one subject and none is removed. The reason says how
     * many and how fast.
     */
    public static final String ACCUMULATION = "accumulation";

    /**
     * The owner removed some of its registrations from a subject (or from the subjects it registered on from one
     * call site) and left others there. The method is the remove method that was called; the signal covers only
     * the registrations left behind.
     */
    public static final String PARTIAL_DETACHMENT = "partial-detachment";

    /**
     * The owner registered on a subject it held in a field (a parent listening to its child), then let go of the
     * subject, which still holds the owner's listener. The reason is the owner's field that held the subject; the
     * signal covers only the registrations on subjects the owner no longer reaches.
     */
    public static final String DETACHED_SUBJECT = "detached-subject";

    private final String signal;
    private final String method;
    private final String reason;
    private final Site site;
    private final long timeMillis;
    private final long majorGcsBefore;
    /** The registrations the signal speaks of, by identity; {@code null} for all of the owner's. */
    private final Set<Registration> only;
    /** For a partial detachment: how many removals the owner made in one go (one caller, one thread). */
    private final int removals;

    EndOfLife(String signal, String method, String reason, Site site, long timeMillis, long majorGcsBefore) {
        this(signal, method, reason, site, timeMillis, majorGcsBefore, null);
    }

    EndOfLife(String signal, String method, String reason, Site site, long timeMillis, long majorGcsBefore,
            List<Registration> only) {
        this(signal, method, reason, site, timeMillis, majorGcsBefore, only, 0);
    }

    EndOfLife(String signal, String method, String reason, Site site, long timeMillis, long majorGcsBefore,
            List<Registration> only, int removals) {
        this.removals = removals;
        if (only == null) {
            this.only = null;
        } else {
            Set<Registration> set = Collections.newSetFromMap(new IdentityHashMap<>());
            set.addAll(only);
            this.only = Collections.unmodifiableSet(set);
        }
        this.signal = signal;
        this.method = method;
        this.reason = reason;
        this.site = site;
        this.timeMillis = timeMillis;
        this.majorGcsBefore = majorGcsBefore;
    }

    /** One of the signal names above. */
    public String signal() {
        return signal;
    }

    /** The lifecycle method that returned ({@code com.acme.View#dispose}), or {@code null}. */
    public String method() {
        return method;
    }

    /**
     * The reason given to {@code Lapse.expectCollected}, the ended scope's name, a lost listener's collected
     * delegate class, an accumulation's count and growth, the owner's
     * field that held a detached subject, or {@code null}.
     */
    public String reason() {
        return reason;
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
        return new EndOfLife(DETACHED_SUBJECT, method, field, site, timeMillis, majorGcsBefore, null);
    }

    /**
     * Whether the signal speaks of {@code r}: of every registration of the owner, or of those it names. A partial
     * detachment speaks of nothing until the owner took at least two listeners off in one go: one removal alone is
     * as often a listener switched off for good while its owner lives on.
     */
    public boolean covers(Registration r) {
        return (only == null || only.contains(r)) && (!PARTIAL_DETACHMENT.equals(signal) || removals >= 2);
    }

    /** For a partial detachment: the removals the owner made in one go so far; else 0. */
    int removals() {
        return removals;
    }

    /** Whether the signal speaks of some of the owner's registrations only. */
    boolean partial() {
        return only != null;
    }

    /** Count of full collections before the signal: confirmation needs one more. */
    public long majorGcsBefore() {
        return majorGcsBefore;
    }
}
