package dev.lapse.corpus;

/** The shape of a leak, in the words of issues 15, 16 and 17: what a detector must see to find it. */
enum Shape {
    /** A remove call (or a handle's undo) returned, and the subject keeps the listener in a second structure. */
    REMOVE_LEAVES_SECOND_STRUCTURE("a remove that leaves the listener in a second structure"),
    /** A handle's {@code dispose()} returned, and the source still holds the subscriber. */
    DISPOSE_LEAVES_SUBSCRIBER("a handle's dispose that leaves the subscriber"),
    /** The owner took a subject out of its collection and left its listener on it. */
    DETACHED_FROM_COLLECTION("an owner that took a subject out of its collection and left its listener on it"),
    /**
     * The owner registered itself on each child of a collection it manages, and a method that empties the
     * collection (not named like an end of life) removed none of those registrations.
     */
    CLEARED_COLLECTION("an owner that emptied its collection of children and left its listener on each"),
    /** A library's close or stop removes some of the listeners it added, not all. */
    CLOSE_LEAVES_LISTENER("a close that removes one of its listeners and leaves another"),
    /** A close or stop that undoes none of the registrations its start made. */
    CLOSE_REMOVES_NOTHING("a close that removes nothing"),
    /** A JDK registration on a JVM-wide singleton: a platform MXBean, the logging manager, the runtime. */
    JDK_SINGLETON("a JDK registration on a JVM-wide singleton"),
    /** A registration API outside the add/remove name families: hooks, watchers, subscribers. */
    UNNAMED_API("a registration API outside the name families"),
    /** {@code client.getXListenable().addListener(l)}: a listener manager whose parameter is a type variable. */
    GENERIC_MANAGER("a generic listener manager behind a getter"),
    /** A periodic task on a scheduler that outlives its owner. */
    SHARED_SCHEDULER("a task on a shared scheduler"),
    /** A callback on a future that completes only when something long-lived ends. */
    PENDING_FUTURE("a callback on a pending future");

    private final String words;

    Shape(String words) {
        this.words = words;
    }

    String words() {
        return words;
    }
}
