package dev.lapse.agent.reflect;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.util.Map;
import java.util.Set;

/**
 * Makes fields readable for the owner resolution and the reference walk. Packages of named modules (the JDK's
 * {@code java.beans}, {@code javax.swing}, ...) are opened to the agent through {@link Instrumentation}, one
 * package at a time and only when a walk meets them; module encapsulation never fails a check.
 */
public final class Access {
    private static volatile Instrumentation instrumentation;

    private Access() {}

    /** Lets later calls open packages of named modules, and field readers read through the JVM's own door. */
    public static void init(Instrumentation inst) {
        instrumentation = inst;
        FieldReader.init(inst);
    }

    /** The agent's instrumentation, or {@code null} without the agent. */
    static Instrumentation instrumentation() {
        return instrumentation;
    }

    /** The classes the JVM has loaded; none without the agent. */
    public static Class<?>[] loadedClasses() {
        Instrumentation inst = instrumentation;
        return inst == null ? new Class<?>[0] : inst.getAllLoadedClasses();
    }

    /** The shallow size of {@code o} in bytes, as the JVM reports it; an estimate of 16 without the agent. */
    public static long sizeOf(Object o) {
        Instrumentation inst = instrumentation;
        return inst == null ? 16 : inst.getObjectSize(o);
    }

    /** Makes {@code f} readable; {@code false} when that is impossible. */
    public static boolean open(Field f) {
        try {
            f.setAccessible(true);
            return true;
        } catch (InaccessibleObjectException | SecurityException first) {
            Instrumentation inst = instrumentation;
            Class<?> owner = f.getDeclaringClass();
            Module module = owner.getModule();
            if (inst == null || !module.isNamed() || !inst.isModifiableModule(module)) {
                return false;
            }
            try {
                inst.redefineModule(
                        module,
                        Set.of(),
                        Map.of(),
                        Map.of(owner.getPackageName(), Set.of(Access.class.getModule())),
                        Set.of(),
                        Map.of());
                f.setAccessible(true);
                return true;
            } catch (RuntimeException second) {
                return false;
            }
        }
    }
}
