package dev.lapse.corpus;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * What every driver ends with, so the corpus test can check that the driver itself is honest: after the owner's
 * life ended and the driver dropped it, real collections decide whether a weak reference to the owner was cleared,
 * and the driver prints that as its last line before the JVM exits. The long-lived subjects are kept in a static
 * list until then, as an application keeps its bus, scheduler or client: a subject the driver let go of would
 * prove nothing.
 */
public final class Verdict {
    /** The line the corpus test reads: this prefix, then {@code leaked} or {@code collected}. */
    public static final String PREFIX = "corpus-verdict: ";

    private static final List<Object> LONG_LIVED = new ArrayList<>();

    private Verdict() {}

    /** Keeps {@code subject} reachable until the JVM exits, as the application that owns it would. */
    public static <T> T longLived(T subject) {
        synchronized (LONG_LIVED) {
            LONG_LIVED.add(subject);
        }
        return subject;
    }

    /** Whether the driver was asked to run its hand-fixed control (argument {@code control}). */
    public static boolean control(String[] args) {
        return List.of(args).contains("control");
    }

    /**
     * Collects until {@code owner} is cleared (at most a few full collections), prints the verdict and exits the
     * JVM with status 0, which runs the shutdown hooks (the agent's report among them).
     */
    public static void report(WeakReference<?> owner) {
        for (int i = 0; i < 10 && owner.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        System.out.println(PREFIX + (owner.get() == null ? "collected" : "leaked"));
        System.out.flush();
        System.exit(0);
    }
}
