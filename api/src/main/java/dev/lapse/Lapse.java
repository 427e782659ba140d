package dev.lapse;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The API for application and test code that knows more than the agent can see.
 *
 * <p>Every method is safe to call without the agent: it then does nothing. The calls reach the agent through
 * its bootstrap hook, found in the bootstrap class loader, so they work whichever class loader loaded this class,
 * and in a JVM the agent was attached to after this class was loaded.
 *
 * <p>This class is the whole of the {@code dev.lapse:lapse-api} artifact, which applications compile against; the
 * agent jar does not carry a copy, so a JVM never holds two.
 */
public final class Lapse {

    /** The agent's hook, as the agent defines it in the bootstrap class loader (its BootstrapInjector.HOOK). */
    private static final String HOOK = "java.util.function.LapseHook";

    private Lapse() {}

    /**
     * Declares that {@code owner} has reached the end of its life and should be collected from now on. If a
     * registration still keeps it alive after the next full garbage collection, the report shows it with the
     * signal {@code explicit} and this reason. Registering again afterwards makes the owner alive again.
     *
     * @param owner  the object that should become unreachable; {@code null} is ignored
     * @param reason why it should be dead, in words for the report (for example "tab closed")
     */
    public static void expectCollected(Object owner, String reason) {
        if (owner != null) {
            call("expectCollected", new Class<?>[] {Object.class, String.class}, owner, reason == null ? "" : reason);
        }
    }

    /**
     * Runs the check now (a full garbage collection where allowed, then confirmation) and writes the report
     * files.
     *
     * @return the directory the report files were written to, or empty when the agent is not loaded
     */
    public static Optional<Path> writeReport() {
        Object dir = call("writeReport", new Class<?>[0]);
        return dir instanceof Path ? Optional.of((Path) dir) : Optional.empty();
    }

    /**
     * Starts a scope on this thread, for test frameworks: registrations made on this thread (and on threads it
     * starts from now on) belong to {@code scope} until {@link #endScope}. Scopes name tests; a scope whose
     * name starts with another's is nested in it ({@code [class:FooTest]} and {@code [class:FooTest]/[method:a()]}).
     *
     * @return the scope this one replaces on this thread, to hand to {@link #endScope}; {@code null} for none
     */
    public static String beginScope(String scope) {
        Object previous = call("beginScope", new Class<?>[] {String.class}, scope);
        return previous instanceof String ? (String) previous : null;
    }

    /**
     * Ends a scope: owners whose first registration was made in it and that still have one should now be dead
     * (the signal {@code scope-end}); the thread returns to {@code restore}.
     *
     * @param description the scope in words, for the report: {@code test FooTest.opens()}
     */
    public static void endScope(String scope, String description, String restore) {
        call("endScope", new Class<?>[] {String.class, String.class, String.class}, scope, description, restore);
    }

    /**
     * Checks a scope now (a full garbage collection, then confirmation) and returns its lapsed listeners as the
     * text report's blocks, or empty when it has none or the agent is not loaded. The findings are also in the
     * run's report.
     *
     * @param nested  whether registrations of scopes nested in {@code scope} count too
     * @param root    an object whose own fields are the scope's (the test instance): a subject reachable from it
     *                lives and dies with the scope, so registrations on it are no leak; {@code null} for none
     * @param signals the signals that count, comma-separated ({@code scope-end,lifecycle-end,explicit}); {@code null}
     *                for all
     * @param defer   whether the check may leave its candidates to the check of an enclosing scope when none of
     *                their subjects is known to be older than the scope (no other scope registered on it, no static
     *                field of its class, the owner's or the root's holds it): then no collection runs now, and the
     *                enclosing scope's check (with {@code nested}) confirms them. Findings a check reports are not
     *                reported again by an enclosing scope's check.
     */
    public static Optional<String> checkScope(
            String scope, boolean nested, Object root, String signals, boolean defer) {
        Object text = call(
                "checkScope",
                new Class<?>[] {String.class, boolean.class, Object.class, String.class, boolean.class},
                scope,
                nested,
                root,
                signals,
                defer);
        return text instanceof String ? Optional.of((String) text) : Optional.empty();
    }

    /** Whether the agent is loaded in this JVM. */
    public static boolean isAgentLoaded() {
        return Boolean.TRUE.equals(call("installed", new Class<?>[0]));
    }

    /**
     * Calls a static method of the hook. The hook is looked up each time rather than cached: in attach mode the
     * agent (and with it the hook) may arrive after this class was first used. These calls are rare.
     */
    private static Object call(String name, Class<?>[] types, Object... args) {
        Method m;
        try {
            m = Class.forName(HOOK, true, null).getMethod(name, types);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null; // no agent in this JVM
        }
        try {
            return m.invoke(null, args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // the agent never throws into the application; the hook counts its own failures
        }
    }
}
