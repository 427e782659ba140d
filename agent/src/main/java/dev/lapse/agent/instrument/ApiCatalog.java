package dev.lapse.agent.instrument;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers every instrumented method. Instrumented code carries the number as a constant, so the hook path
 * reads an array slot instead of looking anything up by name. Written at instrumentation time (rare, under a
 * lock), read on every hook call without one.
 */
public final class ApiCatalog {
    private final Map<String, ApiMethod> byKey = new HashMap<>();
    private final Set<String> endingClasses = new HashSet<>();
    private volatile ApiMethod[] byId = new ApiMethod[64];
    private int size;

    /** The method with this id, or {@code null}. */
    public ApiMethod get(int id) {
        ApiMethod[] methods = byId;
        return id >= 0 && id < methods.length ? methods[id] : null;
    }

    /** Registers a method (again, after a retransformation, it keeps its id). */
    synchronized ApiMethod register(
            ApiMethod.Kind kind,
            String declaringClass,
            String name,
            List<String> parameterTypes,
            int listenerIndex,
            String removeName,
            List<String> removeParameterTypes,
            boolean isStatic,
            String handleType,
            String handleClose) {
        String key = kind + " " + declaringClass + "#" + name + parameterTypes;
        ApiMethod known = byKey.get(key);
        if (known != null) {
            return known;
        }
        ApiMethod m = new ApiMethod(
                size,
                kind,
                declaringClass,
                name,
                parameterTypes,
                listenerIndex,
                removeName,
                removeParameterTypes,
                isStatic,
                handleType,
                handleClose);
        ApiMethod[] methods = byId;
        if (size == methods.length) {
            methods = java.util.Arrays.copyOf(methods, size * 2);
        }
        methods[size++] = m;
        byId = methods; // volatile write publishes the new entry
        byKey.put(key, m);
        if (kind == ApiMethod.Kind.END) {
            endingClasses.add(declaringClass);
        }
        return m;
    }

    /**
     * Whether {@code className} declares a lifecycle-ending method that is instrumented. A class is transformed when
     * it loads, before any instance of it exists, so an instance's classes are known by then.
     */
    public synchronized boolean declaresEnd(String className) {
        return endingClasses.contains(className);
    }

    /** How many methods are instrumented. */
    public synchronized int size() {
        return size;
    }
}
