package dev.lapse.agent.reflect;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance fields of reference type of a class and its superclasses, made readable, cached per class.
 * The fields of {@link Reference} itself are left out: a weak or soft referent holds nothing alive.
 */
public final class ReferenceFields {
    private static final Field[] NONE = new Field[0];

    private static final ClassValue<Field[]> FIELDS = new ClassValue<Field[]>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class && c != Reference.class; c = c.getSuperclass()) {
                Field[] declared;
                try {
                    declared = c.getDeclaredFields();
                } catch (LinkageError | SecurityException e) {
                    continue; // a field type missing from the class path: this class adds nothing we can read
                }
                for (Field f : declared) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && Access.open(f)) {
                        fields.add(f);
                    }
                }
            }
            return fields.isEmpty() ? NONE : fields.toArray(NONE);
        }
    };

    private static final ClassValue<Field[]> STATIC_FIELDS = new ClassValue<Field[]>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            try {
                for (Field f : type.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && Access.open(f)) {
                        fields.add(f);
                    }
                }
            } catch (LinkageError | SecurityException e) {
                return NONE;
            }
            return fields.isEmpty() ? NONE : fields.toArray(NONE);
        }
    };

    private ReferenceFields() {}

    /** Readable instance fields of reference type; do not modify the array. */
    public static Field[] of(Class<?> type) {
        return FIELDS.get(type);
    }

    /** Readable static fields of reference type declared by {@code type}; do not modify the array. */
    public static Field[] staticOf(Class<?> type) {
        return STATIC_FIELDS.get(type);
    }

    /** The field's value in {@code target}, or {@code null} when it cannot be read. */
    public static Object read(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }
}
