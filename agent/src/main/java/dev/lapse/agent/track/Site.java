package dev.lapse.agent.track;

import java.util.Arrays;
import java.util.List;

/**
 * Where something happened: the stack below the instrumented method, innermost first, as plain strings (no
 * {@code Class} references, so a site never keeps a class loader alive). Immutable; equal sites are shared.
 */
public final class Site {
    private final List<StackTraceElement> frames;
    private final int hash;

    Site(StackTraceElement[] frames) {
        this.frames = List.of(frames);
        this.hash = Arrays.hashCode(frames);
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
