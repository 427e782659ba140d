package dev.lapse.agent.reflect;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;

/**
 * Whether a class's static initialiser has run, asked without running it: reading a static field by reflection
 * initialises its class, which the agent must never do. The JVM's own answer ({@code jdk.internal.misc.Unsafe}'s
 * {@code shouldBeInitialized}, on Java 17 to 25), reached by exporting its package to the agent alone through
 * {@link Instrumentation#redefineModule}, the way {@link Access} opens packages, at the first question (a check
 * that walks from the static fields; the launch never asks). Without it every class counts as not initialised, so
 * nothing is read.
 */
public final class ClassInit {
    private static MethodHandle shouldBeInitialized;
    private static boolean looked;

    private ClassInit() {}

    /** Whether {@code type}'s static initialiser has completed, so that its static fields can be read. */
    public static boolean initialized(Class<?> type) {
        MethodHandle mh = handle();
        if (mh == null) {
            return false;
        }
        try {
            return !(boolean) mh.invokeExact(type);
        } catch (Throwable t) {
            return false;
        }
    }

    private static synchronized MethodHandle handle() {
        if (!looked) {
            looked = true;
            shouldBeInitialized = lookUp(Access.instrumentation());
        }
        return shouldBeInitialized;
    }

    private static MethodHandle lookUp(Instrumentation inst) {
        if (inst == null) {
            return null;
        }
        try {
            inst.redefineModule(
                    Object.class.getModule(),
                    Set.of(),
                    Map.of("jdk.internal.misc", Set.of(ClassInit.class.getModule())),
                    Map.of(),
                    Set.of(),
                    Map.of());
            Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
            Object instance = unsafe.getMethod("getUnsafe").invoke(null);
            return MethodHandles.lookup()
                    .findVirtual(unsafe, "shouldBeInitialized", MethodType.methodType(boolean.class, Class.class))
                    .bindTo(instance);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // another JVM: no class is read
        }
    }
}
