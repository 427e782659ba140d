package dev.lapse;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The API for application and test code that knows more than the agent can see.
 *
 * <p>Every method is safe to call without the agent: it then does nothing. The calls reach the agent through
 * its bootstrap hook, found on the bootstrap class path, so they work whichever class loader loaded this class.
 */
public final class Lapse {

    private static final String HOOK = "dev.lapse.agent.bootstrap.LapseHook";

    private Lapse() {
    }

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
