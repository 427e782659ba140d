package dev.lapse.agent.instrument;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JDK's registration APIs on JVM-wide singletons (docs/recognised.md lists each with its reason): the classes
 * instrumented for them, outside the JDK packages {@link TypeScope} takes whole, and the one pair no name family
 * covers. Kept apart from the name rules so that a new singleton is one line here.
 */
public final class JdkSingletons {

    /**
     * An add/remove pair named outside the families.
     *
     * @param registry binary name of the class whose static state keeps the listeners, when the receiver holds
     *     none of them itself (the runtime keeps its hooks in {@code ApplicationShutdownHooks}); the registration's
     *     subject is then that class, so the check walks from where the listener really is
     * @param subjectExpression how code reaches the subject, for the fix: {@code Runtime.getRuntime()}
     */
    record Pair(String className, String add, String remove, String registry, String subjectExpression) {}

    /** {@code Runtime#addShutdownHook(Thread)}: a hook thread keeps whatever it shuts down until the JVM exits. */
    static final List<Pair> PAIRS = List.of(new Pair(
            "java.lang.Runtime",
            "addShutdownHook",
            "removeShutdownHook",
            "java.lang.ApplicationShutdownHooks",
            "Runtime.getRuntime()"));

    /**
     * The classes declaring the singletons' add and remove methods, by exact name: JMX notification emitters (the
     * platform MXBeans' base class, the support class of every other emitter and of the MBean server's delegate),
     * the platform MBean server (listeners on an MBean by its name), logging handlers, shutdown hooks.
     */
    static final Set<String> CLASSES = Set.of(
            "sun.management.NotificationEmitterSupport",
            "javax.management.NotificationBroadcasterSupport",
            "com.sun.jmx.mbeanserver.JmxMBeanServer",
            "java.util.logging.Logger",
            "java.lang.Runtime");

    /**
     * The classes among {@link #CLASSES} loaded before any agent runs: a launch retransforms each when a rewritten call
     * to it first runs ({@link Installer#instrumentLate}), an attach with the other loaded classes.
     */
    static final List<Class<?>> LOADED_AT_START = List.of(Runtime.class);

    /** Whether the class of this binary name is one of {@link #LOADED_AT_START}. */
    static boolean loadedAtStart(String className) {
        for (Class<?> c : LOADED_AT_START) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private JdkSingletons() {}

    static boolean declares(String className) {
        return CLASSES.contains(className);
    }

    /**
     * Whether a listener of this class on a singleton is the JDK's own (JDK logging's configured handlers and its
     * cleanup hook, the JMX connector's and the platform MXBeans' own listeners): a class of the platform, except
     * a plain {@code Thread}, which is how an application writes a shutdown hook.
     */
    static boolean isJdkOwn(Class<?> listenerClass) {
        ClassLoader loader = listenerClass.getClassLoader();
        return (loader == null || loader == ClassLoader.getPlatformClassLoader()) && listenerClass != Thread.class;
    }

    /** Whether {@code name} is the add of a listed pair, whichever class declares it: for the call sites. */
    static boolean isPairAdd(String name) {
        for (Pair p : PAIRS) {
            if (p.add().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The listed pair {@code method} is the add or the remove of, or {@code null}. */
    static Pair pairOf(String className, String method) {
        for (Pair p : PAIRS) {
            if (p.className().equals(className)
                    && (p.add().equals(method) || p.remove().equals(method))) {
                return p;
            }
        }
        return null;
    }

    /** The class whose static state keeps the listeners of {@code api}, or {@code null}: for the advice. */
    static String registryOf(ApiMethod api) {
        Pair p = pairOf(api.declaringClass(), api.name());
        return p == null ? null : p.registry();
    }

    /** How code reaches the subject of {@code api} ({@code Runtime.getRuntime()}), or {@code null}: for the fix. */
    public static String subjectExpression(ApiMethod api) {
        Pair p = pairOf(api.declaringClass(), api.name());
        return p == null ? null : p.subjectExpression();
    }

    /** The add and remove names of the listed pairs, which the constant-pool scan must let through. */
    static Set<String> methodNames() {
        Set<String> names = new HashSet<>();
        for (Pair p : PAIRS) {
            names.add(p.add());
            names.add(p.remove());
        }
        return Set.copyOf(names);
    }
}
