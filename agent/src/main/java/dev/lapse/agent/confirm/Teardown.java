package dev.lapse.agent.confirm;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Tracker;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an owner ended inside its subject's own teardown, which is not the owner's leak (a container that closes
 * destroys its beans, which stay listed in the closed container): the subject's own lifecycle end returned before the
 * owner's (the subject is an owner too, and its record says so), or the owner's end ran within a lifecycle method of
 * the subject's class (its stack at the end shows one, below the owner's own). The stack tells the class, not the
 * instance: a container of the subject's class closing is taken for the subject closing. Read at the check only, from
 * what the tracker already keeps; the set of lifecycle methods is built at the first question.
 */
final class Teardown {
    private final ApiCatalog catalog;
    private final Tracker tracker;
    private Set<String> endMethods;
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
                q -> insideTeardownOf(q.subjectType(), q.ownerType(), q.frames()));
    }

    /**
     * What {@link #insideTeardownOf} is asked: a few distinct ones per check, thousands of times over where many
     * owners of one class ended at one place (the frames are one list per end site).
     */
    private record Question(Class<?> subjectType, Class<?> ownerType, List<StackTraceElement> frames) {}

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
