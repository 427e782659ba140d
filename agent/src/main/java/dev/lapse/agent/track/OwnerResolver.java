package dev.lapse.agent.track;

import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the owner of a listener: the object whose lifetime it belongs to (DESIGN.md section 1). The enclosing
 * instance of an inner or anonymous class (following {@code this$N} through nested classes to the outermost),
 * the receiver of a bound method reference or the first captured non-JDK object of a lambda, else the
 * listener itself. Only synthetic fields are read, through field handles cached per class; nothing of the
 * application is called.
 */
public final class OwnerResolver {

    /** How the owner is related to the listener. */
    public enum Relation {
        SELF("self"), ENCLOSING_INSTANCE("enclosing-instance"), CAPTURED("captured");

        private final String json;

        Relation(String json) {
            this.json = json;
        }

        /** The name used in reports. */
        public String json() {
            return json;
        }
    }

    /** One hop from a listener towards its owner: {@code from.field -> to}. */
    public static final class Hop {
        public final String fromClass;
        public final String field;
        public final String toClass;

        Hop(String fromClass, String field, String toClass) {
            this.fromClass = fromClass;
            this.field = field;
            this.toClass = toClass;
        }
    }

    /** The owner, how it is related and the hops that lead to it; computed for reports only. */
    public static final class Explanation {
        public final Relation relation;
        public final List<Hop> hops;

        Explanation(Relation relation, List<Hop> hops) {
            this.relation = relation;
            this.hops = List.copyOf(hops);
        }
    }

    private static final int MAX_HOPS = 8;
    private static final Field[] NONE = new Field[0];

    /** Per class: the synthetic fields that lead towards the owner ({@code arg$N} in order, or {@code this$N}). */
    private static final ClassValue<Field[]> LINKS = new ClassValue<Field[]>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            boolean lambda = isLambda(type);
            if (!lambda && type.getName().indexOf('$') < 0) {
                return NONE; // neither inner, anonymous nor lambda: no synthetic link; keep reflection off this class
            }
            List<Field> links = new ArrayList<>();
            try {
                for (Field f : type.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    boolean link = lambda ? f.getName().startsWith("arg$")
                            : f.isSynthetic() && f.getName().startsWith("this$");
                    if (link && Access.open(f)) {
                        links.add(f);
                    }
                }
            } catch (LinkageError | SecurityException e) {
                return NONE;
            }
            links.sort(Comparator.comparing(Field::getName, Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder())));
            return links.toArray(NONE);
        }
    };

    /** The owner of {@code listener}; the listener itself when nothing else owns it. */
    public Object ownerOf(Object listener) {
        Object current = listener;
        for (int i = 0; i < MAX_HOPS; i++) {
            Field link = next(current);
            if (link == null) {
                return current;
            }
            current = ReferenceFields.read(link, current);
        }
        return current;
    }

    /** The owner's relation and the hops from the listener to it. */
    public Explanation explain(Object listener) {
        List<Hop> hops = new ArrayList<>();
        Object current = listener;
        for (int i = 0; i < MAX_HOPS; i++) {
            Field link = next(current);
            if (link == null) {
                break;
            }
            Object to = ReferenceFields.read(link, current);
            hops.add(new Hop(current.getClass().getName(), link.getName(), to.getClass().getName()));
            current = to;
        }
        Relation relation = hops.isEmpty() ? Relation.SELF
                : hops.get(0).field.startsWith("this$") ? Relation.ENCLOSING_INSTANCE : Relation.CAPTURED;
        return new Explanation(relation, hops);
    }

    /** The link to follow from {@code o}, or {@code null} when {@code o} is the owner. */
    private static Field next(Object o) {
        Field[] links = LINKS.get(o.getClass());
        if (links.length == 0) {
            return null;
        }
        if (!isLambda(o.getClass())) {
            return ReferenceFields.read(links[0], o) != null ? links[0] : null;
        }
        for (Field f : links) {
            Object v = ReferenceFields.read(f, o);
            if (v != null && !isJdk(v.getClass())) {
                return f;
            }
        }
        return null;
    }

    /** Lambda and method-reference classes: hidden classes the JDK spins with {@code $$Lambda} in the name. */
    public static boolean isLambda(Class<?> type) {
        return type.isHidden() && type.getName().contains("$$Lambda");
    }

    /** Classes of the platform: never an owner. */
    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return (loader == null || loader == ClassLoader.getPlatformClassLoader()) && !isLambda(type);
    }
}
