package dev.lapse.agent.track;

import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.FieldReader;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides, at registration, whether to watch a registration for a detached subject: the owner registered from its
 * own code on a subject it holds in a field of its own (a parent listening to its child), or among the first
 * {@value #CONTAINER_SCAN} elements of a JDK collection, map or array one of its own fields holds, or one hop further
 * (in a container such an element is, or in a field of an element of the application's or a library's: an entry
 * wrapping each child), as a parent listening to each of its children does ({@value #CONTAINER_MARK}). The test runs on every
 * registration: a comparison of the caller's class name with the owner's class and its application superclasses
 * (which ends it for registrations made by other code), then, for a registration by the owner's code, a read of the
 * fields application classes declare (a Swing component inherits about a hundred from the JDK, none of which is
 * how an application holds its child). The reachability work is left to the check.
 */
public final class HeldSubjects {
    private static final FieldReader[] NONE = new FieldReader[0];

    /** Subject classes remembered per owner class: an owner class registers on very few kinds of subject. */
    private static final int SUBJECT_CLASSES = 4;

    /** Elements looked at in each container field: a registration pays a bounded scan, never the whole collection. */
    static final int CONTAINER_SCAN = 64;

    /** Container fields looked at per owner class, in declaration order. */
    private static final int CONTAINER_FIELDS = 4;

    /**
     * Scans of an owner class's containers for one subject class that find nothing before they are no longer made
     * for that pair, unless one found the subject: a panel with a list of rows that registers on a shared model from
     * its own code would otherwise pay the scan (hundreds of nanoseconds) on every registration, for a watch that
     * never starts. An owner class that keeps such subjects in a collection finds one at its first registration.
     */
    static final int CONTAINER_TRIES = 16;

    /**
     * What {@link #heldIn} appends to a field's name when the subject was an element of the collection, map or array
     * in that field, not the field's value: the report's fix then says to take the listener off each subject the owner
     * takes out of it.
     */
    public static final String CONTAINER_MARK = "[]";

    /**
     * Per owner class: its own fields (see {@link #ownFields}), and for the last few subject classes asked about the
     * ones that can hold such a subject, so that a registration costs a comparison or two and, mostly, one field
     * read.
     */
    private static final ClassValue<Owned> OWNED = new ClassValue<Owned>() {
        @Override
        protected Owned computeValue(Class<?> type) {
            FieldReader[] fields = ownFields(type);
            return new Owned(fields, containers(fields));
        }
    };

    /**
     * An owner class's own fields, those of them whose declared type is a collection, a map or an array of objects,
     * and, copied on write, its fields per subject class.
     */
    private static final class Owned {
        final FieldReader[] fields;
        final FieldReader[] containers;
        final AtomicReference<ForSubject[]> bySubject = new AtomicReference<>(new ForSubject[0]);

        Owned(FieldReader[] fields, FieldReader[] containers) {
            this.fields = fields;
            this.containers = containers;
        }

        FieldReader[] fieldsFor(Class<?> subjectClass) {
            return forSubject(subjectClass).fields;
        }

        ForSubject forSubject(Class<?> subjectClass) {
            ForSubject[] known = bySubject.get();
            for (ForSubject k : known) {
                if (k.get() == subjectClass) {
                    return k;
                }
            }
            List<FieldReader> fit = new ArrayList<>(1);
            for (FieldReader f : fields) {
                if (f.field().getType().isAssignableFrom(subjectClass)) {
                    fit.add(f);
                }
            }
            ForSubject result = new ForSubject(subjectClass, fit.toArray(NONE));
            ForSubject[] grown = new ForSubject[Math.min(known.length + 1, SUBJECT_CLASSES)];
            grown[0] = result;
            System.arraycopy(known, 0, grown, 1, grown.length - 1); // the oldest falls off
            bySubject.set(grown); // racy on purpose: a lost update costs one more computation
            return result;
        }
    }

    /**
     * The fields of an owner class that can hold a subject of one class, and, weakly, that class: this is kept with
     * the owner class, whose loader (the container's) may outlive the subject class's (a redeployed application's),
     * which a strong reference would keep alive. A collected subject class matches no class.
     */
    private static final class ForSubject extends WeakReference<Class<?>> {
        final FieldReader[] fields;
        /**
         * Container scans of this owner class for this subject class that found nothing, and whether one ever found
         * the subject. Racy on purpose: a lost update costs a scan more or less.
         */
        int containerMisses;

        boolean containerHit;

        ForSubject(Class<?> subjectClass, FieldReader[] fields) {
            super(subjectClass);
            this.fields = fields;
        }
    }

    /**
     * The instance reference fields declared by {@code type} and its application superclasses, up to the first JDK
     * class. Only application classes are reflected on (never a JDK class, whose fields a module may close), and
     * their own field types are what the application loads to use them.
     */
    private static FieldReader[] ownFields(Class<?> type) {
        List<FieldReader> own = new ArrayList<>();
        for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
            try {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && Access.open(f)) {
                        own.add(FieldReader.of(f));
                    }
                }
            } catch (LinkageError | SecurityException e) {
                // a field type missing from the class path: this class adds nothing we can read
            }
        }
        return own.toArray(NONE);
    }

    /** The first {@value #CONTAINER_FIELDS} of {@code fields} whose declared type can hold subjects as elements. */
    private static FieldReader[] containers(FieldReader[] fields) {
        List<FieldReader> containers = new ArrayList<>(0);
        for (FieldReader f : fields) {
            Class<?> t = f.field().getType();
            boolean container = Collection.class.isAssignableFrom(t)
                    || Map.class.isAssignableFrom(t)
                    || (t.isArray() && !t.getComponentType().isPrimitive());
            if (container && containers.size() < CONTAINER_FIELDS) {
                containers.add(f);
            }
        }
        return containers.toArray(NONE);
    }

    /**
     * The JDK's collections and maps whose iteration reads and nothing else: no wrapper (an unmodifiable or
     * synchronized view iterates the application's collection inside), no lock taken ({@code Vector},
     * {@code Hashtable}), nothing expunged on the way ({@code WeakHashMap}). In a class of its own, loaded at the first
     * scan rather than on the launch path.
     */
    private static final class Plain {
        static final Set<Class<?>> CLASSES = Set.of(
                ArrayList.class,
                LinkedList.class,
                ArrayDeque.class,
                HashSet.class,
                LinkedHashSet.class,
                TreeSet.class,
                HashMap.class,
                LinkedHashMap.class,
                TreeMap.class,
                IdentityHashMap.class,
                EnumMap.class,
                CopyOnWriteArrayList.class,
                CopyOnWriteArraySet.class,
                ConcurrentHashMap.class,
                ConcurrentLinkedQueue.class,
                ConcurrentLinkedDeque.class);
    }

    private static boolean iterable(Class<?> c) {
        // List.of(…), Set.of(…), Map.of(…): the JDK's immutable collections, each a class of its own
        return Plain.CLASSES.contains(c)
                || (c.getClassLoader() == null && c.getName().startsWith(IMMUTABLE));
    }

    private static final String IMMUTABLE = "java.util.ImmutableCollections$";

    private HeldSubjects() {}

    /**
     * Whether {@code caller} (a class name from a stack frame) is the owner's own code: its class, one of its
     * application superclasses (a {@code BoundView} base class that binds for it), or a class nested in one of them
     * (its inner and anonymous classes; its lambdas' bodies are methods of the class itself).
     */
    public static boolean ownersCode(Class<?> ownerClass, String caller) {
        // names first: the class loader is asked only of a class whose name matches, and most callers match none
        for (Class<?> c = ownerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            String name = c.getName();
            if (caller.startsWith(name) && (caller.length() == name.length() || caller.charAt(name.length()) == '$')) {
                return !isJdk(c);
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
    static String heldIn(Object owner, Object subject, Site site) {
        if (subject instanceof Class) {
            return null; // a static API's subject is its class, which nobody drops
        }
        return site.callerIsCodeOf(owner.getClass()) ? ownField(owner, subject) : null;
    }

    /**
     * The owner's own field that holds {@code subject}, or that holds a container with it among its first elements
     * (its name then ends with {@link #CONTAINER_MARK}), or {@code null}. Kept out of {@link #heldIn} so that the
     * test most registrations stop at stays small enough for the JIT to inline into the registration path.
     */
    private static String ownField(Object owner, Object subject) {
        Owned owned = OWNED.get(owner.getClass());
        ForSubject known = owned.forSubject(subject.getClass());
        for (FieldReader f : known.fields) {
            if (f.read(owner) == subject) {
                return f.name();
            }
        }
        if (owned.containers.length == 0 || (!known.containerHit && known.containerMisses >= CONTAINER_TRIES)) {
            return null;
        }
        for (FieldReader f : owned.containers) {
            if (contains(f.read(owner), subject)) {
                known.containerHit = true;
                return f.name() + CONTAINER_MARK;
            }
        }
        known.containerMisses++;
        return null;
    }

    /**
     * Whether {@code subject} is, by identity, among the first {@value #CONTAINER_SCAN} elements of an array of
     * objects, or of one of the JDK's plain collections and maps (its keys and values, {@link #iterable}), or of such
     * a container one of those elements is (a map of lists, as a plot keeps its markers by layer): only the JDK's own
     * iteration runs, never an application's {@code equals}, {@code hashCode} or iterator. A collection another
     * thread changes meanwhile is taken as not holding it.
     */
    private static boolean contains(Object container, Object subject) {
        int[] left = {CONTAINER_SCAN};
        return contains(container, subject, true, left);
    }

    /** {@link #contains}, with {@code left} the elements still to look at and {@code nested} whether to go one deeper. */
    private static boolean contains(Object container, Object subject, boolean nested, int[] left) {
        if (container instanceof Object[] array) {
            for (int i = 0; i < array.length && left[0] > 0; i++) {
                if (element(array[i], subject, nested, left)) {
                    return true;
                }
            }
            return false;
        }
        if (container == null || !iterable(container.getClass())) {
            return false;
        }
        try {
            if (container instanceof Collection<?> c) {
                for (Object o : c) {
                    if (left[0] <= 0) {
                        return false;
                    }
                    if (element(o, subject, nested, left)) {
                        return true;
                    }
                }
            } else if (container instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (left[0] <= 0) {
                        return false;
                    }
                    if (e.getKey() == subject || element(e.getValue(), subject, nested, left)) {
                        return true;
                    }
                }
            }
        } catch (RuntimeException changedMeanwhile) {
            // a ConcurrentModificationException, or what a broken JDK wrapper's view throws: not known to hold it
        }
        return false;
    }

    /**
     * Whether the element {@code o} is the subject, or holds it: as a container one level down ({@code nested}), or
     * in a field of its own when it is an object of the application's or a library's (an entry the owner wraps each
     * child in, as {@code CombinedConfiguration} keeps a {@code ConfigData} per configuration). Those fields are read
     * at their offsets, as the owner's are: no code of the element's runs.
     */
    private static boolean element(Object o, Object subject, boolean nested, int[] left) {
        left[0]--;
        if (o == subject) {
            return true;
        }
        if (!nested || o == null) {
            return false;
        }
        if (o instanceof Object[] || iterable(o.getClass())) {
            return contains(o, subject, false, left);
        }
        if (isJdk(o.getClass())) {
            return false;
        }
        for (FieldReader f : OWNED.get(o.getClass()).fieldsFor(subject.getClass())) {
            if (f.read(o) == subject) {
                return true;
            }
        }
        return false;
    }
}
