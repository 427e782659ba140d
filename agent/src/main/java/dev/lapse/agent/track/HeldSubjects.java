package dev.lapse.agent.track;

import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, at registration, whether to watch a registration for a detached subject: the owner registered from its
 * own code on a subject it holds in a field of its own (a parent listening to its child). The test runs on every
 * registration, so it costs one string comparison for most of them and reads only fields that application classes
 * declare (a Swing component inherits about a hundred from the JDK, none of which is how an application holds its
 * child). The reachability work is left to the check.
 */
final class HeldSubjects {
    private static final Field[] NONE = new Field[0];

    /** Per class: the instance reference fields declared by it and its non-JDK superclasses. */
    private static final ClassValue<Field[]> OWN_FIELDS = new ClassValue<Field[]>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> own = new ArrayList<>();
            for (Field f : ReferenceFields.of(type)) {
                ClassLoader loader = f.getDeclaringClass().getClassLoader();
                if (loader != null && loader != ClassLoader.getPlatformClassLoader()) {
                    own.add(f);
                }
            }
            return own.isEmpty() ? NONE : own.toArray(NONE);
        }
    };

    private HeldSubjects() {
    }

    /**
     * The owner's own field that holds {@code subject}, when the registration was made from the owner's code (its
     * class, its inner classes or its lambdas' bodies); else {@code null}.
     */
    static String fieldHolding(Object owner, Object subject, Site site) {
        if (subject instanceof Class || site.frames().isEmpty()) {
            return null; // a static API's subject is its class, which nobody drops
        }
        String caller = site.frames().get(0).getClassName();
        String ownerClass = owner.getClass().getName();
        if (!caller.startsWith(ownerClass)
                || (caller.length() > ownerClass.length() && caller.charAt(ownerClass.length()) != '$')) {
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
