package dev.lapse.agent.track;

import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.FieldReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What a listener captured, read from its synthetic fields only: the candidate owners besides the one the
 * {@link OwnerResolver} chose, and the path of capture fields to one of them for the report. Nothing of the
 * application is called.
 */
final class Captures {
    private static final FieldReader[] NONE = new FieldReader[0];

    /**
     * Per class: the synthetic fields through which a lambda ({@code arg$N}) or an inner, anonymous or local class
     * ({@code this$N}, {@code val$N}) holds what it captured.
     */
    private static final ClassValue<FieldReader[]> CAPTURES = new ClassValue<FieldReader[]>() {
        @Override
        protected FieldReader[] computeValue(Class<?> type) {
            boolean lambda = OwnerResolver.isLambda(type);
            if (!lambda && type.getName().indexOf('$') < 0) {
                return NONE;
            }
            List<FieldReader> captures = new ArrayList<>();
            try {
                for (Field f : type.getDeclaredFields()) {
                    String name = f.getName();
                    if (!Modifier.isStatic(f.getModifiers())
                            && !f.getType().isPrimitive()
                            && (lambda
                                    ? name.startsWith("arg$")
                                    : f.isSynthetic() && (name.startsWith("this$") || name.startsWith("val$")))
                            && Access.open(f)) {
                        captures.add(FieldReader.of(f));
                    }
                }
            } catch (LinkageError | SecurityException e) {
                return NONE;
            }
            return captures.toArray(NONE);
        }
    };

    /** Most candidates kept per listener, and how deep into captured lambdas they are looked for. */
    private static final int MAX_CANDIDATES = 4;

    private static final int CANDIDATE_DEPTH = 2;

    private Captures() {}

    /** Whether a listener of this class captured two objects or more: only such a one has candidates. */
    private static boolean several(Class<?> type) {
        return CAPTURES.get(type).length >= 2;
    }

    /**
     * The application objects {@code listener} captured besides {@code owner}, at most {@value #MAX_CANDIDATES}; a
     * listener that captured fewer than two objects allocates nothing.
     */
    static List<Object> candidates(Object listener, Object owner) {
        if (!several(listener.getClass())) {
            return List.of();
        }
        List<Object> found = new ArrayList<>(MAX_CANDIDATES);
        collect(listener, listener, owner, 0, found);
        return found;
    }

    /** Application objects {@code o} captured (and, a level down, the lambdas it captured), but for {@code owner}. */
    private static void collect(Object o, Object listener, Object owner, int depth, List<Object> found) {
        for (FieldReader f : CAPTURES.get(o.getClass())) {
            Object v = f.read(o);
            if (v == null || v == owner || v == listener || found.size() >= MAX_CANDIDATES) {
                continue;
            }
            Class<?> type = v.getClass();
            if (OwnerResolver.isLambda(type) || CAPTURES.get(type).length > 0) {
                if (depth + 1 < CANDIDATE_DEPTH) {
                    collect(v, listener, owner, depth + 1, found);
                }
                if (OwnerResolver.isLambda(type)) {
                    continue;
                }
            }
            if (!OwnerResolver.isJdk(type) && !containsIdentity(found, v)) {
                found.add(v);
            }
        }
    }

    /** The capture fields from {@code from} to {@code target}, appended to {@code path}; whether there is one. */
    static boolean pathTo(Object from, Object target, int depth, List<Step> path) {
        for (FieldReader f : CAPTURES.get(from.getClass())) {
            Object v = f.read(from);
            if (v == null) {
                continue;
            }
            path.add(new Step(from.getClass().getName(), f.name(), v.getClass().getName()));
            if (v == target || (depth + 1 < CANDIDATE_DEPTH && pathTo(v, target, depth + 1, path))) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static boolean containsIdentity(List<Object> list, Object o) {
        for (Object x : list) {
            if (x == o) {
                return true;
            }
        }
        return false;
    }
}
