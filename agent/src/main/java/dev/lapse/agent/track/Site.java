package dev.lapse.agent.track;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;

/**
 * Where something happened: the stack below the instrumented method, innermost first, as plain strings (no
 * {@code Class} references, so a site never keeps a class loader alive). Immutable; equal sites are shared.
 */
public final class Site {
    private final List<StackTraceElement> frames;
    private final int hash;
    /**
     * The owner class last asked about and whether this site's caller is that owner's code: a site is shared by
     * every registration from it, and the answer is asked at each. Racy on purpose (a lost write costs one more
     * computation), and not part of the value.
     */
    private volatile OwnersCode ownersCode;
    /** The distinct paths sampled at this site's call instruction, when it had an id; not part of the value. */
    private volatile Paths paths;

    Site(StackTraceElement[] frames) {
        this.frames = List.of(frames);
        this.hash = Arrays.hashCode(frames);
    }

    /** Whether the caller of the instrumented method is {@code ownerClass}'s own code (see {@link HeldSubjects}). */
    boolean callerIsCodeOf(Class<?> ownerClass) {
        OwnersCode known = ownersCode;
        if (known != null && known.get() == ownerClass) {
            return known.answer;
        }
        boolean answer = !frames.isEmpty()
                && HeldSubjects.ownersCode(ownerClass, frames.get(0).getClassName());
        ownersCode = new OwnersCode(ownerClass, answer);
        return answer;
    }

    /**
     * An answer and, weakly, the owner class it is about. Interned sites live as long as the agent, and a class
     * keeps its loader alive: held strongly, the owner class would pin a redeployed application's loader. Once the
     * class is collected, {@code get()} is {@code null} and matches no class, so the answer is worked out again.
     */
    private static final class OwnersCode extends WeakReference<Class<?>> {
        final boolean answer;

        OwnersCode(Class<?> ownerClass, boolean answer) {
            super(ownerClass);
            this.answer = answer;
        }
    }

    /**
     * The distinct stacks sampled at the call instruction this site's first frame names, the first sampled first:
     * the paths that reach one registering line (at most {@value Paths#MAX}). Just this site when its call had no
     * site id, or was walked only once.
     */
    public List<Site> paths() {
        Paths known = paths;
        return known == null ? List.of(this) : known.list;
    }

    /**
     * The paths walked at one call site: a few, distinct, in the order first seen. Written under its lock (at the
     * sampled registrations only), read without one.
     */
    static final class Paths {
        static final int MAX = 8;

        private volatile List<Site> list = List.of();
        /** {@code list}'s first element, read by every registration at the call site: a field, not a list call. */
        private volatile Site first;

        /** The first path sampled, or {@code null} before any. */
        Site first() {
            return first;
        }

        /** Records a walked path (when new and there is room) and returns it, linked to the others. */
        synchronized Site add(Site walked) {
            if (list.size() < MAX && !list.contains(walked)) {
                List<Site> grown = new java.util.ArrayList<>(list);
                grown.add(walked);
                list = List.copyOf(grown);
                if (first == null) {
                    first = walked;
                }
            }
            walked.paths = this;
            return walked;
        }
    }

    /** The frames, innermost (the caller of the instrumented method) first. */
    public List<StackTraceElement> frames() {
        return frames;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site && ((Site) o).hash == hash && ((Site) o).frames.equals(frames);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
