package dev.lapse.agent.confirm;

import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Which field holds an object: the owner's own field, a static field of a class. Reads fields only; compares by
 * identity.
 */
final class Holders {
    private Holders() {}

    /**
     * How the owner's code reaches {@code value}: a field of {@code holder} ({@code model}), else a static field of
     * its class or an enclosing class ({@code App.MODEL}), else a public static field of the value's own class or a
     * superclass of it (a singleton's {@code AppModel.INSTANCE}); {@code null} when none holds it.
     */
    static String fieldHolding(Object holder, Object value) {
        Field own = instanceFieldHolding(holder, value);
        if (own != null) {
            return own.getName();
        }
        for (Class<?> c = holder.getClass(); c != null; c = enclosing(c)) {
            Field f = staticFieldHolding(c, value);
            if (f != null) {
                return c.getSimpleName() + "." + f.getName();
            }
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Field f = staticFieldHolding(c, value);
            if (f != null && Modifier.isPublic(f.getModifiers()) && Modifier.isPublic(c.getModifiers())) {
                return c.getSimpleName() + "." + f.getName();
            }
        }
        return null;
    }

    /** The instance field of {@code holder} that holds {@code value}, or {@code null}. */
    static Field instanceFieldHolding(Object holder, Object value) {
        for (Field f : ReferenceFields.of(holder.getClass())) {
            if (ReferenceFields.read(f, holder) == value) {
                return f;
            }
        }
        return null;
    }

    /** Whether a static field of {@code type} or one of its superclasses holds {@code value}. */
    static boolean heldStatically(Object value, Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (staticFieldHolding(c, value) != null) {
                return true;
            }
        }
        return false;
    }

    /** The static field of {@code type} (not its supertypes) that holds {@code value}, or {@code null}. */
    private static Field staticFieldHolding(Class<?> type, Object value) {
        for (Field f : ReferenceFields.staticOf(type)) {
            if (ReferenceFields.read(f, null) == value) {
                return f;
            }
        }
        return null;
    }

    private static Class<?> enclosing(Class<?> c) {
        try {
            return c.getEnclosingClass();
        } catch (LinkageError | SecurityException e) {
            return null;
        }
    }
}
