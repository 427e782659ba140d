package dev.lapse.agent.track;

/**
 * Why Lapse thinks an owner should be dead, or why a registration is suspect without an end (DESIGN.md section 3):
 * the closed set of signals, each with its name in reports and options and what the report needs to know of it. A
 * place that treats signals differently switches over this enum with no default, so a new signal is a compile error
 * wherever it must be handled.
 */
public enum Signal implements WireNamed {
    /** A method on the owner that ends its life returned normally; the end's method is that method. */
    LIFECYCLE_END(
            "lifecycle-end",
            false,
            true,
            "A listener keeps its owner alive after the owner was closed or disposed",
            "The owner's lifecycle method (close, dispose, stop, ...) returned, a full garbage collection ran, and the"
                    + " owner is still reachable through a listener it registered on a longer-lived subject."),

    /** {@code Lapse.expectCollected(owner, reason)}; the end's reason is the reason given. */
    EXPLICIT(
            "explicit",
            false,
            true,
            "A listener keeps alive an object declared collectable",
            "Lapse.expectCollected(owner) was called, a full garbage collection ran, and the owner is still reachable"
                    + " through a listener it registered on a longer-lived subject."),

    /** The scope (a test) that made the registration ended; the end's reason names the scope. */
    SCOPE_END(
            "scope-end",
            false,
            false,
            "A listener registered during a test keeps its owner alive after the test",
            "A test registered a listener on a subject that existed before it and outlives it; the test ended, a full"
                    + " garbage collection ran, and the subject still keeps the listener's owner reachable."),

    /**
     * The owner called a remove method on a subject it is registered on, with another instance of its listener's
     * class ({@code this::onEvent} twice is two objects): the removal removed nothing. The end's method is the remove
     * method.
     */
    INEFFECTIVE_REMOVAL(
            "ineffective-removal",
            false,
            true,
            "A remove call returned and the subject still holds the listener",
            "The owner called a remove method (or undid a handle) on a subject it is registered on, with another"
                    + " instance of its listener or leaving the listener in a second structure; a full garbage"
                    + " collection ran and the subject still keeps the owner reachable."),

    /**
     * Not an end: the owner lives on, but the delegate of the weak wrapper it registered was collected, so its
     * callback silently stopped. The end's reason is the delegate's class, {@code null} when it was collected before
     * the registration returned.
     */
    LOST_LISTENER(
            "lost-listener",
            false,
            false,
            "A weak listener's callback was collected while its owner lives on",
            "A listener was registered through a weak wrapper, nothing but the wrapper held it, and a garbage collection"
                    + " took it while the object it belonged to is alive and was never ended: its callback silently"
                    + " stopped."),

    /**
     * Not an end: one call site keeps adding listeners to one subject and none is removed. The end's reason says how
     * many and how fast.
     */
    ACCUMULATION(
            "accumulation",
            false,
            false,
            "One call site keeps adding listeners to one subject",
            "Listeners from one call site pile up on one subject: many are registered and still held, they kept coming"
                    + " over the accumulation window, and none was removed."),

    /**
     * The owner removed some of its registrations from a subject (or from the subjects it registered on from one call
     * site) and left others there. The end's method is the remove method that was called; the signal covers only the
     * registrations left behind.
     */
    PARTIAL_DETACHMENT(
            "partial-detachment",
            true,
            true,
            "An owner took some of its listeners off a subject and left others",
            "The owner removed listeners from a subject (or from the subjects it registered on from one call site) in"
                    + " one go, as a teardown does, and left at least one there; a full garbage collection ran and the"
                    + " subject still holds it."),

    /**
     * The owner registered on a subject it held in a field (a parent listening to its child), then let go of the
     * subject, which still holds the owner's listener. The end's reason is the owner's field that held the subject;
     * the signal covers only the registrations on subjects the owner no longer reaches. Its method is the owner's own
     * end, when it has one.
     */
    DETACHED_SUBJECT(
            "detached-subject",
            true,
            false,
            "An owner let go of a subject that still holds its listener",
            "The owner registered on an object it held in a field (a parent on its child, a panel on the model it"
                    + " shows), then replaced or cleared that field without taking its listener off; the object lives"
                    + " on elsewhere and keeps the owner reachable.");

    private final String wireName;
    private final boolean coversPart;
    private final boolean hasCallSite;
    private final String title;
    private final String description;

    Signal(String wireName, boolean coversPart, boolean hasCallSite, String title, String description) {
        this.wireName = wireName;
        this.coversPart = coversPart;
        this.hasCallSite = hasCallSite;
        this.title = title;
        this.description = description;
    }

    /** The name in reports (JSON, SARIF, text), options and rules files: {@code lifecycle-end}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Whether the signal speaks of some of an owner's registrations only (the ones left behind), so that a signal
     * that ends the owner's whole life replaces it.
     */
    public boolean coversPart() {
        return coversPart;
    }

    /**
     * Whether the signal happens at a call the report can point to (a lifecycle method, {@code expectCollected}, a
     * remove call). The others happen by no one's call: a scope ended in the test framework, a delegate was
     * collected, listeners piled up, a field was overwritten.
     */
    public boolean hasCallSite() {
        return hasCallSite;
    }

    /** One line for people: what a finding of this signal is. */
    public String title() {
        return title;
    }

    /** What a finding of this signal means, in a few sentences. */
    public String description() {
        return description;
    }

    /**
     * The signal with this wire name.
     *
     * @throws IllegalArgumentException {@code 'lifecycle' is not a signal: one of lifecycle-end, explicit, ...}
     */
    public static Signal named(String wireName) {
        return WireNamed.named(Signal.class, wireName, "a signal");
    }

    /** {@code lifecycle-end, explicit, ...}, in declaration order. */
    public static String names() {
        return WireNamed.names(Signal.class);
    }
}
