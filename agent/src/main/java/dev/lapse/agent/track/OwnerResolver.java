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
 * listener itself. A lambda that captures only JDK objects, one of them an AWT or Swing component (a child
 * {@code JLabel}), is owned by that component's first application ancestor, followed through
 * {@code Component.parent}: the label is what the lambda keeps, the panel that was torn down is what it keeps alive.
 * Only synthetic fields and a component's parent are read, through field handles cached per class; nothing of the
 * application is called.
 */
public final class OwnerResolver {

    /**
     * The owner's relation and the steps that lead to it from the listener ({@code View$1.this$0 -> View}); computed
     * for reports only.
     */
    public record Explanation(OwnerRelation relation, List<Step> hops) {
        public Explanation {
            hops = List.copyOf(hops);
        }
    }

    private static final int MAX_HOPS = 8;
    private static final Field[] NONE = new Field[0];
    private static final Links NO_LINKS = new Links(NONE, false);

    /**
     * Per class, computed once: the synthetic fields that lead towards the owner ({@code arg$N} in order, or
     * {@code this$N}) and whether it is a lambda class. The registration path asks this for every listener, so
     * nothing here may cost a name scan or a native call per registration.
     */
    private static final ClassValue<Links> LINKS = new ClassValue<Links>() {
        @Override
        protected Links computeValue(Class<?> type) {
            boolean lambda = isLambda(type);
            if (!lambda && type.getName().indexOf('$') < 0) {
                return NO_LINKS; // neither inner, anonymous nor lambda: keep reflection off this class
            }
            List<Field> links = new ArrayList<>();
            try {
                for (Field f : type.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    boolean link = lambda
                            ? f.getName().startsWith("arg$")
                            : f.isSynthetic() && f.getName().startsWith("this$");
                    if (link && Access.open(f)) {
                        links.add(f);
                    }
                }
            } catch (LinkageError | SecurityException e) {
                return NO_LINKS;
            }
            links.sort(Comparator.comparing(
                    Field::getName, Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())));
            return links.isEmpty() ? NO_LINKS : new Links(links.toArray(NONE), lambda);
        }
    };

    /** Per class: whether it belongs to the platform (never an owner). */
    private static final ClassValue<Boolean> JDK = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            ClassLoader loader = type.getClassLoader();
            return (loader == null || loader == ClassLoader.getPlatformClassLoader()) && !isLambda(type);
        }
    };

    private record Links(Field[] fields, boolean lambda) {}

    /** {@code java.awt.Component.parent}, opened the first time a captured component is met; never loads AWT. */
    private static volatile Field componentParent;

    /** The owner of {@code listener}; the listener itself when nothing else owns it. */
    public Object ownerOf(Object listener) {
        Object current = listener;
        boolean captured = false; // whether current is a JDK object a lambda captured
        for (int i = 0; i < MAX_HOPS; i++) {
            Field link = captured ? parentLink(current) : next(current);
            if (link == null) {
                return current;
            }
            Object to = ReferenceFields.read(link, current);
            captured = isCapturedJdkObject(current, to, captured);
            current = to;
        }
        return current;
    }

    /** The owner's relation and the hops from the listener to it. */
    public Explanation explain(Object listener) {
        List<Step> hops = new ArrayList<>();
        Object current = listener;
        boolean captured = false;
        for (int i = 0; i < MAX_HOPS; i++) {
            Field link = captured ? parentLink(current) : next(current);
            if (link == null) {
                break;
            }
            Object to = ReferenceFields.read(link, current);
            captured = isCapturedJdkObject(current, to, captured);
            hops.add(new Step(
                    current.getClass().getName(), link.getName(), to.getClass().getName()));
            current = to;
        }
        OwnerRelation relation = hops.isEmpty()
                ? OwnerRelation.SELF
                : hops.get(0).field().startsWith("this$") ? OwnerRelation.ENCLOSING_INSTANCE : OwnerRelation.CAPTURED;
        return new Explanation(relation, hops);
    }

    /** The link to follow from {@code o}, or {@code null} when {@code o} is the owner. */
    private static Field next(Object o) {
        Links links = LINKS.get(o.getClass());
        Field[] fields = links.fields();
        if (fields.length == 0) {
            return null;
        }
        if (!links.lambda()) {
            return ReferenceFields.read(fields[0], o) != null ? fields[0] : null;
        }
        for (Field f : fields) {
            Object v = ReferenceFields.read(f, o);
            if (v != null && !JDK.get(v.getClass())) {
                return f;
            }
        }
        for (Field f : fields) {
            Object v = ReferenceFields.read(f, o);
            if (v != null && applicationAncestor(v) != null) {
                return f; // only JDK objects captured: a component leads to the application's
            }
        }
        return null;
    }

    /** Whether {@code to}, reached from {@code from}, is a JDK object a lambda captured (or its JDK ancestor). */
    private static boolean isCapturedJdkObject(Object from, Object to, boolean fromCaptured) {
        return JDK.get(to.getClass())
                && (fromCaptured || LINKS.get(from.getClass()).lambda());
    }

    /** From a captured JDK component: its parent, towards its application ancestor; else nothing to follow. */
    private static Field parentLink(Object o) {
        return JDK.get(o.getClass()) && applicationAncestor(o) != null ? componentParent : null;
    }

    /** The first non-JDK ancestor of a JDK AWT component, or {@code null}. */
    private static Object applicationAncestor(Object o) {
        Field parent = parentField(o.getClass());
        Object current = o;
        for (int i = 0; parent != null && current != null && i < MAX_HOPS; i++) {
            if (!JDK.get(current.getClass())) {
                return current;
            }
            current = ReferenceFields.read(parent, current);
        }
        return null;
    }

    /** {@code Component.parent} when {@code type} is an AWT component, else {@code null}. */
    private static Field parentField(Class<?> type) {
        Class<?> c = type;
        while (c != null && !c.getName().equals("java.awt.Component")) {
            c = c.getSuperclass();
        }
        if (c == null) {
            return null;
        }
        Field f = componentParent;
        if (f == null) {
            try {
                f = c.getDeclaredField("parent");
            } catch (NoSuchFieldException | SecurityException e) {
                return null;
            }
            if (!Access.open(f)) {
                return null;
            }
            componentParent = f;
        }
        return f;
    }

    /** Lambda and method-reference classes: hidden classes the JDK spins with {@code $$Lambda} in the name. */
    public static boolean isLambda(Class<?> type) {
        return type.isHidden() && type.getName().contains("$$Lambda");
    }
}
