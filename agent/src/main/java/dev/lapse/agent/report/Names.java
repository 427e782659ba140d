package dev.lapse.agent.report;

import dev.lapse.agent.track.HeldSubjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Class and frame names as people read them, and the stable forms used in signatures. */
final class Names {
    /** Frames that are never where a leak is made or fixed: the JDK, test runners, Lapse itself. */
    private static final List<String> NOT_APPLICATION = List.of(
            "java.",
            "javax.",
            "jdk.",
            "sun.",
            "com.sun.",
            "dev.lapse.Lapse",
            "dev.lapse.junit5.Lapse",
            "org.junit.",
            "org.opentest4j.",
            "org.apache.maven.surefire.",
            "org.gradle.",
            "worker.org.gradle.");

    private static final int MAX_APP_FRAMES = 10;

    private Names() {}

    /** A lambda's runtime name without the JVM's counter and address: {@code com.acme.View$$Lambda}. */
    static String stableClass(String binaryName) {
        int lambda = binaryName.indexOf("$$Lambda");
        return lambda < 0 ? binaryName : binaryName.substring(0, lambda + "$$Lambda".length());
    }

    static boolean isLambda(String binaryName) {
        return binaryName.contains("$$Lambda");
    }

    /** {@code View$1}, {@code View$Handler$2}: the last segment is a number. */
    static boolean isAnonymous(String binaryName) {
        int dollar = binaryName.lastIndexOf('$');
        if (dollar < 0 || dollar == binaryName.length() - 1 || isLambda(binaryName)) {
            return false;
        }
        for (int i = dollar + 1; i < binaryName.length(); i++) {
            if (!Character.isDigit(binaryName.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The class name without its package: {@code View$1}. */
    static String simple(String binaryName) {
        return stableClass(binaryName).substring(binaryName.lastIndexOf('.') + 1);
    }

    /**
     * A source-like name: {@code View.Handler} for the member class {@code View$Handler}, {@code Object[]} for an
     * array, {@code lambda in View} for a lambda's class.
     */
    /**
     * The owner's field a detached subject was held in, from a detached subject's reason: the field's name, without the
     * mark that says the subject was an element of what the field holds ({@link #heldAmong}).
     */
    static String heldField(String reason) {
        return heldAmong(reason) ? reason.substring(0, reason.length() - HeldSubjects.CONTAINER_MARK.length()) : reason;
    }

    /** Whether a detached subject was an element of the collection, map or array in the owner's field. */
    static boolean heldAmong(String reason) {
        return reason != null && reason.endsWith(HeldSubjects.CONTAINER_MARK);
    }

    static String source(String binaryName) {
        if (binaryName.startsWith("[")) {
            return arrayName(binaryName);
        }
        if (isLambda(binaryName)) {
            return "lambda in " + source(hostOfLambda(binaryName));
        }
        String simple = simple(binaryName);
        if (isProxy(simple)) {
            return simple; // jdk.proxy2.$Proxy45: the dollar is the JDK's, not a nesting
        }
        if (isAnonymous(binaryName)) {
            int last = simple.lastIndexOf('$');
            return simple.substring(0, last).replace('$', '.') + simple.substring(last); // View$1 stays View$1
        }
        return simple.replace('$', '.');
    }

    /** {@code [Ljava.lang.Object;} as {@code Object[]}, {@code [[I} as {@code int[][]}. */
    private static String arrayName(String descriptor) {
        int dims = 0;
        while (dims < descriptor.length() && descriptor.charAt(dims) == '[') {
            dims++;
        }
        String element = descriptor.substring(dims);
        String base;
        switch (element.charAt(0)) {
            case 'L':
                base = source(element.substring(1, element.length() - 1));
                break;
            case 'Z':
                base = "boolean";
                break;
            case 'B':
                base = "byte";
                break;
            case 'C':
                base = "char";
                break;
            case 'S':
                base = "short";
                break;
            case 'I':
                base = "int";
                break;
            case 'J':
                base = "long";
                break;
            case 'F':
                base = "float";
                break;
            default:
                base = "double";
        }
        return base + "[]".repeat(dims);
    }

    /** A variable name for an object of this class: {@code model} for {@code com.acme.TaskModel}'s last word. */
    static String variable(String binaryName) {
        String s = simple(binaryName);
        s = s.substring(s.lastIndexOf('$') + 1);
        if (s.isEmpty()) {
            return "subject";
        }
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    /**
     * The listener as people read it: {@code lambda in View.<init> (View.java:42)}, {@code anonymous View$1},
     * {@code inner class View.Handler}, or the plain class name.
     */
    static String listener(String binaryName, StackTraceElement site) {
        if (isLambda(binaryName)) {
            return site == null
                    ? "lambda or method reference in " + source(hostOfLambda(binaryName))
                    : "lambda or method reference in " + frame(site);
        }
        if (isProxy(simple(binaryName))) {
            return "dynamic proxy " + simple(binaryName);
        }
        if (isAnonymous(binaryName)) {
            return "anonymous " + simple(binaryName);
        }
        if (simple(binaryName).indexOf('$') >= 0) {
            return "inner class " + source(binaryName);
        }
        return simple(binaryName);
    }

    /** A class {@code java.lang.reflect.Proxy} made: {@code $Proxy45}. */
    private static boolean isProxy(String simpleName) {
        return simpleName.startsWith("$Proxy");
    }

    /** The method's name in a method as the report writes it: {@code dispose} for {@code com.acme.View#dispose}. */
    static String methodOf(String display) {
        return display.substring(display.indexOf('#') + 1);
    }

    /** {@code View.<init> (View.java:42)}. */
    static String frame(StackTraceElement f) {
        return source(f.getClassName()) + "." + f.getMethodName() + " (" + location(f) + ")";
    }

    /** {@code View.java:42}. */
    static String location(StackTraceElement f) {
        String file = f.getFileName() == null ? "unknown source" : f.getFileName();
        return f.getLineNumber() >= 0 ? file + ":" + f.getLineNumber() : file;
    }

    /** Frames of the JDK, of test runners, and of Lapse's own API and JUnit extension. */
    static boolean isFrameworkFrame(StackTraceElement f) {
        for (String p : NOT_APPLICATION) {
            if (f.getClassName().startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The frames to show: application frames (not the JDK's, a test runner's or Lapse's) in order, at most ten; the stack as it is when it
     * has none.
     */
    static List<StackTraceElement> applicationFrames(List<StackTraceElement> frames) {
        List<StackTraceElement> app = new ArrayList<>();
        for (StackTraceElement f : frames) {
            if (!isFrameworkFrame(f)) {
                app.add(f);
                if (app.size() == MAX_APP_FRAMES) {
                    break;
                }
            }
        }
        return app.isEmpty() ? frames.subList(0, Math.min(frames.size(), 3)) : app;
    }

    /**
     * Where the application called into the library that made a registration, or {@code null} when the application
     * made it itself. The application is the code base of the registration stack's outermost non-framework frame
     * ({@code main}, the test, the request handler); the registration is the library's when its innermost frame is
     * of another code base, and the application's call into it is then its first frame of the application's. Code
     * bases are told apart by the first two names of their packages ({@code io.micrometer}, {@code com.acme}).
     */
    static StackTraceElement libraryCall(List<StackTraceElement> frames) {
        StackTraceElement registering = null;
        StackTraceElement outermost = null;
        for (StackTraceElement f : frames) {
            if (!isFrameworkFrame(f)) {
                if (registering == null) {
                    registering = f;
                }
                outermost = f;
            }
        }
        if (registering == null || sameCodeBase(registering.getClassName(), outermost.getClassName())) {
            return null;
        }
        for (StackTraceElement f : frames) {
            if (!isFrameworkFrame(f) && sameCodeBase(f.getClassName(), outermost.getClassName())) {
                return f;
            }
        }
        return null;
    }

    /** Whether two classes' packages begin with the same two names (or are the same, when shorter). */
    static boolean sameCodeBase(String a, String b) {
        return codeBase(a).equals(codeBase(b));
    }

    private static String codeBase(String className) {
        int first = className.indexOf('.');
        int second = first < 0 ? -1 : className.indexOf('.', first + 1);
        int end = second >= 0 ? second : className.lastIndexOf('.');
        return end < 0 ? "" : className.substring(0, end);
    }

    /** The first application frame, or {@code null} for an empty stack. */
    static StackTraceElement topApplicationFrame(List<StackTraceElement> frames) {
        List<StackTraceElement> app = applicationFrames(frames);
        return app.isEmpty() ? null : app.get(0);
    }

    private static String hostOfLambda(String binaryName) {
        return binaryName.substring(0, binaryName.indexOf("$$Lambda"));
    }

    /** {@code closed} for {@code close}: how the report says an owner's life ended. */
    static String pastTense(String method) {
        switch (method) {
            case "close":
                return "closed";
            case "dispose":
                return "disposed";
            case "destroy":
                return "destroyed";
            case "shutdown":
                return "shut down";
            case "stop":
                return "stopped";
            case "release":
                return "released";
            case "terminate":
                return "terminated";
            case "uninstall":
                return "uninstalled";
            case "detach":
                return "detached";
            case "removeNotify":
                return "taken out of its displayed hierarchy (removeNotify())";
            default:
                return "ended by " + method + "()";
        }
    }

    /** {@code 512 B}, {@code 64.2 KB}, {@code 3.1 MB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
}
