package dev.lapse.agent.track;

import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.FieldReader;
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
 *
 * <p>A listener that captured several application objects (a lambda holding a long-lived service and the panel that
 * ended, an anonymous listener holding its binder and, through a captured lambda, the registry it was bound to) has
 * other <em>candidate</em> owners besides the one chosen at registration; so does one that captured nothing of the
 * application, in the object whose code registered it. They are kept weakly and bounded
 * ({@link #noteCandidate}); when one of them ends, {@link CandidateEnds} decides whether that candidate becomes the
 * owner ({@link #adopt}: from then on it is the owner this resolver gives, for removals and reports alike).
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
    private static final FieldReader[] NONE = new FieldReader[0];
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
            if (links.isEmpty()) {
                return NO_LINKS;
            }
            FieldReader[] readers = new FieldReader[links.size()];
            for (int i = 0; i < readers.length; i++) {
                readers[i] = FieldReader.of(links.get(i));
            }
            return new Links(readers, lambda);
        }
    };

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    /** Per class of the platform: whether it is not a lambda's (which is the code of whoever wrote the lambda). */
    private static final ClassValue<Boolean> NOT_LAMBDA = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return !isLambda(type);
        }
    };

    private record Links(FieldReader[] fields, boolean lambda) {}

    /** {@code java.awt.Component.parent}, opened the first time a captured component is met; never loads AWT. */
    private static volatile FieldReader componentParent;

    /** candidate owner -> the listeners that captured it, besides their owner. */
    private final WeakPairs candidates = new WeakPairs(4096);

    /** listener -> the candidate that became its owner when its life ended. */
    private final WeakPairs adopted = new WeakPairs(4096);

    /** Per listener class: whether one of its instances was adopted, so that only those classes pay the look-up. */
    private final ClassValue<boolean[]> adoptedClass = new ClassValue<boolean[]>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            return new boolean[1];
        }
    };

    /** The owner of {@code listener}; the listener itself when nothing else owns it. */
    public Object ownerOf(Object listener) {
        Object chosen = adoptedOwner(listener);
        if (chosen != null) {
            return chosen;
        }
        Object current = listener;
        boolean captured = false; // whether current is a JDK object a lambda captured
        for (int i = 0; i < MAX_HOPS; i++) {
            FieldReader link = captured ? parentLink(current) : next(current);
            if (link == null) {
                return current;
            }
            Object to = link.read(current);
            captured = isCapturedJdkObject(current, to, captured);
            current = to;
        }
        return current;
    }

    /** The owner's relation and the hops from the listener to it. */
    public Explanation explain(Object listener) {
        Object chosen = adoptedOwner(listener);
        if (chosen != null) {
            List<Step> path = new ArrayList<>();
            // a candidate it did not capture is the object whose code registered it (CandidateEnds#noteCaller)
            return Captures.pathTo(listener, chosen, 0, path)
                    ? new Explanation(OwnerRelation.CAPTURED, path)
                    : new Explanation(OwnerRelation.REGISTERED_BY, List.of());
        }
        List<Step> hops = new ArrayList<>();
        Object current = listener;
        boolean captured = false;
        for (int i = 0; i < MAX_HOPS; i++) {
            FieldReader link = captured ? parentLink(current) : next(current);
            if (link == null) {
                break;
            }
            Object to = link.read(current);
            captured = isCapturedJdkObject(current, to, captured);
            hops.add(new Step(
                    current.getClass().getName(), link.name(), to.getClass().getName()));
            current = to;
        }
        OwnerRelation relation = hops.isEmpty()
                ? OwnerRelation.SELF
                : hops.get(0).field().startsWith("this$") ? OwnerRelation.ENCLOSING_INSTANCE : OwnerRelation.CAPTURED;
        return new Explanation(relation, hops);
    }

    /**
     * Whether {@link #explain} tells {@code listener}'s owner as the object that registered it ({@link
     * OwnerRelation#REGISTERED_BY}), asked without naming the hops: a check asks it of every registration of a shape
     * whose chain it tells once.
     */
    public boolean registeredBy(Object listener) {
        Object chosen = adoptedOwner(listener);
        return chosen != null && !Captures.pathTo(listener, chosen, 0, new ArrayList<>());
    }

    /**
     * The other application objects {@code listener} captured besides {@code owner}: its candidate owners. A listener
     * that captured fewer than two objects costs one class-value read and allocates nothing.
     */
    List<Object> candidatesOf(Object listener, Object owner) {
        return Captures.candidates(listener, owner);
    }

    /** Keeps {@code candidate} (weakly) as a candidate owner of {@code listener}. */
    void noteCandidate(Object candidate, Object listener) {
        candidates.put(candidate, listener);
    }

    /** Whether some tracked listener captured {@code o} besides its owner: the cheap test at every end of life. */
    public boolean isCandidate(Object o) {
        return candidates.any() && candidates.first(o) != null;
    }

    /** The listeners that captured {@code candidate} besides their owner (those still alive). */
    List<Object> capturing(Object candidate) {
        return candidates.get(candidate);
    }

    /** From now on the owner of {@code listener} is {@code candidate}, whose life ended. */
    void adopt(Object listener, Object candidate) {
        adoptedClass.get(listener.getClass())[0] = true;
        adopted.replace(listener, candidate);
    }

    private Object adoptedOwner(Object listener) {
        return adopted.any() && adoptedClass.get(listener.getClass())[0] ? adopted.first(listener) : null;
    }

    /** The link to follow from {@code o}, or {@code null} when {@code o} is the owner. */
    private static FieldReader next(Object o) {
        Links links = LINKS.get(o.getClass());
        FieldReader[] fields = links.fields();
        if (fields.length == 0) {
            return null;
        }
        if (!links.lambda()) {
            return fields[0].read(o) != null ? fields[0] : null;
        }
        for (FieldReader f : fields) {
            Object v = f.read(o);
            if (v != null && !isJdk(v.getClass())) {
                return f;
            }
        }
        for (FieldReader f : fields) {
            Object v = f.read(o);
            if (v != null && applicationAncestor(v) != null) {
                return f; // only JDK objects captured: a component leads to the application's
            }
        }
        return null;
    }

    /** Whether {@code to}, reached from {@code from}, is a JDK object a lambda captured (or its JDK ancestor). */
    private static boolean isCapturedJdkObject(Object from, Object to, boolean fromCaptured) {
        return isJdk(to.getClass())
                && (fromCaptured || LINKS.get(from.getClass()).lambda());
    }

    /** From a captured JDK component: its parent, towards its application ancestor; else nothing to follow. */
    private static FieldReader parentLink(Object o) {
        return isJdk(o.getClass()) && applicationAncestor(o) != null ? componentParent : null;
    }

    /** The first non-JDK ancestor of a JDK AWT component, or {@code null}. */
    private static Object applicationAncestor(Object o) {
        FieldReader parent = parentField(o.getClass());
        Object current = o;
        for (int i = 0; parent != null && current != null && i < MAX_HOPS; i++) {
            if (!isJdk(current.getClass())) {
                return current;
            }
            current = parent.read(current);
        }
        return null;
    }

    /** {@code Component.parent} when {@code type} is an AWT component, else {@code null}. */
    private static FieldReader parentField(Class<?> type) {
        Class<?> c = type;
        while (c != null && !c.getName().equals("java.awt.Component")) {
            c = c.getSuperclass();
        }
        if (c == null) {
            return null;
        }
        FieldReader reader = componentParent;
        if (reader == null) {
            Field f;
            try {
                f = c.getDeclaredField("parent");
            } catch (NoSuchFieldException | SecurityException e) {
                return null;
            }
            if (!Access.open(f)) {
                return null;
            }
            reader = FieldReader.of(f);
            componentParent = reader;
        }
        return reader;
    }

    /**
     * Whether {@code type} belongs to the platform (never an owner). Decided from its loader, a field read; only the
     * platform's own classes need the class-value look-up (a look-up costs about ten nanoseconds, and the registration
     * path asks this of every object it meets).
     */
    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return (loader == null || loader == PLATFORM) && NOT_LAMBDA.get(type);
    }

    /** Lambda and method-reference classes: hidden classes the JDK spins with {@code $$Lambda} in the name. */
    public static boolean isLambda(Class<?> type) {
        return type.isHidden() && type.getName().contains("$$Lambda");
    }
}
