package dev.lapse.agent.track;

/** How a listener's owner is related to the listener registered: the closed set reports name. */
public enum OwnerRelation implements WireNamed {
    /** The listener is its own owner, or the registering code's {@code this}. */
    SELF("self"),
    /** The owner is the enclosing instance of an inner or anonymous class ({@code this$0}). */
    ENCLOSING_INSTANCE("enclosing-instance"),
    /** The owner is the receiver of a bound method reference or an object a lambda captured. */
    CAPTURED("captured"),
    /**
     * The owner is the object whose code registered the listener (the caller's {@code this}), which the listener
     * captured nothing of: it reaches the owner through fields of its own ({@code java.beans.EventHandler}'s target,
     * a wrapper's delegate).
     */
    REGISTERED_BY("registered-by"),
    /**
     * The listener is a weak wrapper and the owner registered it around a delegate that was collected: the chain
     * ends at the collected delegate, not at the owner (a lost listener).
     */
    WEAK_DELEGATE("weak-delegate"),
    /**
     * The subject itself held the callback only through a weak reference, and the callback, which nothing else held,
     * was collected while its owner lives and the subject still counts it as pending: the chain ends at the collected
     * callback (a lost callback).
     */
    WEAKLY_HELD("weakly-held");

    private final String wireName;

    OwnerRelation(String wireName) {
        this.wireName = wireName;
    }

    /** The name in reports: {@code enclosing-instance}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The relation with this wire name.
     *
     * @throws IllegalArgumentException when none has it
     */
    public static OwnerRelation named(String wireName) {
        return WireNamed.named(OwnerRelation.class, wireName, "an owner relation");
    }
}
