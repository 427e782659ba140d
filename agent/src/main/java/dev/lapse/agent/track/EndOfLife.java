package dev.lapse.agent.track;

/** Why an owner should now be dead: the signal, where it happened and when. Immutable. */
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

    private final String signal;
    private final String method;
    private final String reason;
    private final Site site;
    private final long timeMillis;
    private final long majorGcsBefore;

    EndOfLife(String signal, String method, String reason, Site site, long timeMillis, long majorGcsBefore) {
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
     * delegate class, or {@code null}.
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

    /** Count of full collections before the signal: confirmation needs one more. */
    public long majorGcsBefore() {
        return majorGcsBefore;
    }
}
