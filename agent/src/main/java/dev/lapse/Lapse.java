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
        if (owner == null) {
            return;
        }
        Method m = Hook.EXPECT_COLLECTED;
        if (m != null) {
            invoke(m, owner, reason == null ? "" : reason);
        }
    }

    /**
     * Runs the check now (a full garbage collection where allowed, then confirmation) and writes the report
     * files.
     *
     * @return the directory the report files were written to, or empty when the agent is not loaded
     */
    public static Optional<Path> writeReport() {
        Method m = Hook.WRITE_REPORT;
        if (m == null) {
            return Optional.empty();
        }
        Object dir = invoke(m);
        return dir instanceof Path ? Optional.of((Path) dir) : Optional.empty();
    }

    /** Whether the agent is loaded in this JVM. */
    public static boolean isAgentLoaded() {
        Method m = Hook.INSTALLED;
        return m != null && Boolean.TRUE.equals(invoke(m));
    }

    private static Object invoke(Method m, Object... args) {
        try {
            return m.invoke(null, args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // the agent never throws into the application; the hook counts its own failures
        }
    }

    /** Looked up once, lazily: the hook is on the bootstrap class path only when the agent was started. */
    private static final class Hook {
        static final Method EXPECT_COLLECTED = find("expectCollected", Object.class, String.class);
        static final Method WRITE_REPORT = find("writeReport");
        static final Method INSTALLED = find("installed");

        private static Method find(String name, Class<?>... parameterTypes) {
            try {
                return Class.forName(HOOK, true, null).getMethod(name, parameterTypes);
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
    }
}
