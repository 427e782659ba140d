package dev.lapse.agent.confirm;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Tracker;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether an owner ended inside its subject's own teardown, which is not the owner's leak (a container that closes
 * destroys its beans, which stay listed in the closed container): the subject's own lifecycle end returned before the
 * owner's (the subject is an owner too, and its record says so), or the owner's end ran within a lifecycle method of
 * the subject's class (its stack at the end shows one, below the owner's own). The stack tells the class, not the
 * instance: a container of the subject's class closing is taken for the subject closing. Read at the check only, from
 * what the tracker already keeps; the set of lifecycle methods is built at the first question.
 *
 * <p>Also whether a teardown is still running on another thread ({@link #stillEnding}): then what it has ended is not
 * judged at this check, since the rest of that teardown may yet take the listeners off. At the JVM's exit the
 * application's shutdown hooks run beside Lapse's, so without this a report would depend on which hook ran first.
 */
final class Teardown {
    private final ApiCatalog catalog;
    private final Tracker tracker;
    private Set<String> endMethods;
    /**
     * The lifecycle methods running now on other threads ({@code class#method}, to the name of one such thread), read
     * from their stacks at the first question.
     */
    private Map<String, String> running;
    /** An end's frames, by identity, to the thread found running one of them, or {@code ""} for none. */
    private final Map<List<StackTraceElement>, String> runningAt = new IdentityHashMap<>();
    /** The threads whose teardowns {@link #stillEnding} found running, for the report's note. */
    private final Set<String> runningThreads = new TreeSet<>();

    private final Map<Question, Boolean> insideTeardown = new HashMap<>();

    /** @param tracker whose {@link Tracker#endOf} says the end of life it recorded for an object */
    Teardown(ApiCatalog catalog, Tracker tracker) {
        this.catalog = catalog;
        this.tracker = tracker;
    }

    /**
     * Whether {@code owner}'s lifecycle end {@code end} came with or after the end of {@code subject}; for a scope
     * end, whether the subject's life ended too: it was closed, or it is an owner that same scope end left as well (a
     * builder and the result listening to each other), so what holds the pair is not the subject's listener storage.
     * A subject an earlier scope left is not taken for ended: it may be what that test made JVM-wide (a cached
     * context), and the walk from the roots tells ({@link RegistrationHold}).
     */
    boolean endedWithSubject(Object owner, Object subject, EndOfLife end) {
        if (subject instanceof Class) {
            return false;
        }
        EndOfLife subjects = tracker.endOf(subject);
        if (end.signal() == Signal.SCOPE_END) {
            return subjects != null
                    && (subjects == end
                            || subjects.signal() == Signal.LIFECYCLE_END
                            || subjects.signal() == Signal.EXPLICIT);
        }
        if (end.signal() != Signal.LIFECYCLE_END) {
            return false;
        }
        if (subjects != null
                && subjects.signal() == Signal.LIFECYCLE_END
                && subjects.timeMillis() <= end.timeMillis()) {
            return true;
        }
        return insideTeardown.computeIfAbsent(
                new Question(subject.getClass(), owner.getClass(), end.site().frames()),
                q -> insideTeardownOf(q.subjectType, q.ownerType, q.frames));
    }

    /**
     * What {@link #insideTeardownOf} is asked: a few distinct ones per check, thousands of times over where many
     * owners of one class ended at one place. Compared by identity: the classes are, and the frames are one list per
     * end site, so a list's frames are never hashed (an equal list of another site is a question of its own, with
     * the same answer). Not a record, whose equality is linked through method handles at its first use, at exit.
     */
    private static final class Question {
        final Class<?> subjectType;
        final Class<?> ownerType;
        final List<StackTraceElement> frames;
        private final int hash;

        Question(Class<?> subjectType, Class<?> ownerType, List<StackTraceElement> frames) {
            this.subjectType = subjectType;
            this.ownerType = ownerType;
            this.frames = frames;
            this.hash = (System.identityHashCode(subjectType) * 31 + System.identityHashCode(ownerType)) * 31
                    + System.identityHashCode(frames);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Question q
                    && q.subjectType == subjectType
                    && q.ownerType == ownerType
                    && q.frames == frames;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private boolean insideTeardownOf(Class<?> subjectType, Class<?> ownerType, List<StackTraceElement> frames) {
        Set<String> ends = endMethods();
        int i = 0;
        // the owner's own end first: its lifecycle method, and the overridden ones it calls through super
        while (i < frames.size()
                && isEnd(frames.get(i), ends)
                && within(ownerType, frames.get(i).getClassName())) {
            i++;
        }
        for (; i < frames.size(); i++) {
            StackTraceElement f = frames.get(i);
            if (isEnd(f, ends) && within(subjectType, f.getClassName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the teardown that ended an owner is still running on another thread: a lifecycle method on the stack of
     * its end (the owner's own, or one it ended within) is on another live thread's stack now. Two cases: a second
     * {@code close()} returned at once because the first, on another thread, is still closing (the owner has not
     * finished ending); a container's {@code close()} that stopped the owner and has yet to undo its registrations.
     * A thread inside {@code java.lang.Shutdown} (it called {@code System.exit}, or returned from {@code main} into
     * the JVM's exit) never runs on, so what its stack shows is not running. Classes and methods are matched, not
     * instances, as for the stacks above.
     */
    boolean stillEnding(EndOfLife end) {
        return end.signal() == Signal.LIFECYCLE_END
                && end.site() != null
                && runningWithin(end.site().frames());
    }

    /**
     * Whether a removal was made inside a teardown still running on another thread: a lifecycle method on its stack
     * is on another live thread's stack now (a container's {@code stop()} that has taken a part's listener off a child
     * and has yet to let go of the part). What still reaches the listener then may be the half-done teardown's, so the
     * claim is left to a later check, as {@link #stillEnding} leaves an end.
     */
    boolean removedWithinRunningTeardown(EndOfLife removal) {
        return removal.site() != null && runningWithin(removal.site().frames());
    }

    /** Whether one of these frames' lifecycle methods runs on another thread now; its thread is kept for the note. */
    private boolean runningWithin(List<StackTraceElement> stack) {
        Map<String, String> now = running();
        if (now.isEmpty()) {
            return false;
        }
        // many owners ended at one place share its frames: each list is looked at once
        String thread = runningAt.computeIfAbsent(stack, frames -> {
            for (StackTraceElement f : frames) {
                String t = now.get(f.getClassName() + "#" + f.getMethodName());
                if (t != null) {
                    return t;
                }
            }
            return "";
        });
        if (thread.isEmpty()) {
            return false;
        }
        runningThreads.add(thread);
        return true;
    }

    /**
     * The threads whose teardowns kept owners or removals from this check ({@link #stillEnding},
     * {@link #removedWithinRunningTeardown}), by name.
     */
    List<String> runningThreads() {
        return List.copyOf(runningThreads);
    }

    private Map<String, String> running() {
        if (running == null) {
            running = new HashMap<>();
            Set<String> ends = endMethods();
            Thread self = Thread.currentThread();
            for (Map.Entry<Thread, StackTraceElement[]> e :
                    Thread.getAllStackTraces().entrySet()) {
                if (e.getKey() == self || exiting(e.getValue())) {
                    continue;
                }
                for (StackTraceElement f : e.getValue()) {
                    if (isEnd(f, ends)) {
                        running.putIfAbsent(
                                f.getClassName() + "#" + f.getMethodName(),
                                e.getKey().getName());
                    }
                }
            }
        }
        return running;
    }

    /** Whether a thread is in the JVM's exit ({@code System.exit}, or the end of {@code main}): it never runs on. */
    private static boolean exiting(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (f.getClassName().equals("java.lang.Shutdown")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a stack (a removal's) shows a lifecycle method of {@code type} (the owner's class or a superclass): the
     * owner removed its listener while it ended.
     */
    boolean insideEndOf(Class<?> type, List<StackTraceElement> frames) {
        Set<String> ends = endMethods();
        for (StackTraceElement f : frames) {
            if (isEnd(f, ends) && within(type, f.getClassName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEnd(StackTraceElement f, Set<String> ends) {
        return ends.contains(f.getClassName() + "#" + f.getMethodName());
    }

    /** Whether {@code className} is {@code type} or one of its superclasses. */
    private static boolean within(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> endMethods() {
        if (endMethods == null) {
            endMethods = new HashSet<>();
            for (int id = 0, n = catalog.size(); id < n; id++) {
                ApiMethod m = catalog.get(id);
                if (m != null && m.kind() == ApiMethod.Kind.END) {
                    endMethods.add(m.declaringClass() + "#" + m.name());
                }
            }
        }
        return endMethods;
    }
}
