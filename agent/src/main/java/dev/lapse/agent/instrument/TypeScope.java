package dev.lapse.agent.instrument;

import dev.lapse.agent.config.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes are looked at, by name alone. Application and library classes get every rule; of the JDK
 * only the packages whose registration APIs DESIGN.md names (AWT/Swing, java.beans, Observable, Preferences) and the
 * classes of the JVM-wide singletons' APIs ({@link JdkSingletons});
 * the agent itself, build tools and test runners never.
 */
final class TypeScope {

    enum Kind {
        /** Never instrumented. */
        NONE,
        /**
         * A JDK class whose registration APIs are instrumented (a package taken whole, or a JVM-wide singleton's
         * class, {@link JdkSingletons}); lifecycle ends only where listed.
         */
        JDK,
        /** A JDK scheduler or task class: only its task APIs ({@link TaskApis}) are instrumented. */
        JDK_TASKS,
        /** Application or library code: every rule applies. */
        APPLICATION
    }

    private static final List<String> JDK_INCLUDED =
            List.of("java.awt.", "javax.swing.", "java.beans.", "java.util.Observable", "java.util.prefs.");

    private static final List<String> JDK_PREFIXES =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.xml.sax.", "org.w3c.dom.", "org.ietf.jgss.");

    /** The agent, its relocated libraries, and the tools that run tests: their listeners are not the application's. */
    private static final List<String> ALWAYS_EXCLUDED = List.of(
            "dev.lapse.agent.",
            "dev.lapse.Lapse",
            "net.bytebuddy.",
            "org.apache.maven.surefire.",
            "org.apache.maven.plugin.surefire.",
            "org.junit.",
            "org.opentest4j.",
            "org.gradle.",
            "worker.org.gradle.",
            "org.jacoco.",
            "com.intellij.rt.",
            "kotlin.",
            "scala.",
            "groovy.",
            "org.codehaus.groovy.");

    private final List<Pattern> userExcludes = new ArrayList<>();

    TypeScope(List<String> excludePatterns) {
        for (String p : excludePatterns) {
            userExcludes.add(Glob.compile(p));
        }
    }

    Kind kindOf(String className) {
        if (className.contains("$$Lambda") || startsWithAny(className, ALWAYS_EXCLUDED)) {
            return Kind.NONE;
        }
        for (Pattern p : userExcludes) {
            if (p.matcher(className).matches()) {
                return Kind.NONE;
            }
        }
        if (TaskApis.covers(className)) {
            return Kind.JDK_TASKS;
        }
        if (startsWithAny(className, JDK_PREFIXES)) {
            return startsWithAny(className, JDK_INCLUDED) || JdkSingletons.declares(className) ? Kind.JDK : Kind.NONE;
        }
        return Kind.APPLICATION;
    }

    boolean isEventListenerList(String className) {
        return className.equals("javax.swing.event.EventListenerList");
    }

    /** Of the JDK, only a window's {@code dispose()} ends an owner's life (a dialog subclass that was closed). */
    boolean isJdkLifecycleEnd(String className, String methodName) {
        return methodName.equals("dispose") && className.equals("java.awt.Window");
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
