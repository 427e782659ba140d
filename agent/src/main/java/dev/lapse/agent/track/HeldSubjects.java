package dev.lapse.agent.track;

import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, at registration, whether to watch a registration for a detached subject: the owner registered from its
 * own code on a subject it holds in a field of its own (a parent listening to its child). The test runs on every
 * registration: a comparison of the caller's class name with the owner's class and its application superclasses
 * (which ends it for registrations made by other code), then, for a registration by the owner's code, a read of the
 * fields application classes declare (a Swing component inherits about a hundred from the JDK, none of which is
 * how an application holds its child). The reachability work is left to the check.
 */
final class HeldSubjects {
    private static final Field[] NONE = new Field[0];

    /**
     * Per class: the instance reference fields declared by it and its application superclasses, up to the first JDK
     * class. Only application classes are reflected on (never a JDK class, whose fields a module may close), and
     * their own field types are what the application loads to use them.
     */
    private static final ClassValue<Field[]> OWN_FIELDS = new ClassValue<Field[]>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> own = new ArrayList<>();
            for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
                try {
                    for (Field f : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && Access.open(f)) {
                            own.add(f);
                        }
                    }
                } catch (LinkageError | SecurityException e) {
                    // a field type missing from the class path: this class adds nothing we can read
                }
            }
            return own.isEmpty() ? NONE : own.toArray(NONE);
        }
    };

    private HeldSubjects() {
    }

    /**
     * Whether {@code caller} (a class name from a stack frame) is the owner's own code: its class, one of its
     * application superclasses (a {@code BoundView} base class that binds for it), or a class nested in one of them
     * (its inner and anonymous classes; its lambdas' bodies are methods of the class itself).
     */
    static boolean ownersCode(Class<?> ownerClass, String caller) {
        for (Class<?> c = ownerClass; c != null && !isJdk(c); c = c.getSuperclass()) {
            String name = c.getName();
            if (caller.startsWith(name) && (caller.length() == name.length() || caller.charAt(name.length()) == '$')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJdk(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    /**
     * The owner's own field that holds {@code subject}, when the registration was made from the owner's code (its
     * class, its inner classes or its lambdas' bodies); else {@code null}.
     */
    static String fieldHolding(Object owner, Object subject, Site site) {
        if (subject instanceof Class || site.frames().isEmpty()) {
            return null; // a static API's subject is its class, which nobody drops
        }
        if (!ownersCode(owner.getClass(), site.frames().get(0).getClassName())) {
            return null;
        }
        for (Field f : OWN_FIELDS.get(owner.getClass())) {
            if (ReferenceFields.read(f, owner) == subject) {
                return f.getName();
            }
        }
        return null;
    }
}
