package dev.lapse.agent.track;

import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.reflect.FieldReader;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides, at registration, whether to watch a registration for a detached subject: the owner registered from its
 * own code on a subject it holds in a field of its own (a parent listening to its child). The test runs on every
 * registration: a comparison of the caller's class name with the owner's class and its application superclasses
 * (which ends it for registrations made by other code), then, for a registration by the owner's code, a read of the
 * fields application classes declare (a Swing component inherits about a hundred from the JDK, none of which is
 * how an application holds its child). The reachability work is left to the check.
 */
public final class HeldSubjects {
    private static final FieldReader[] NONE = new FieldReader[0];

    /** Subject classes remembered per owner class: an owner class registers on very few kinds of subject. */
    private static final int SUBJECT_CLASSES = 4;

    /**
     * Per owner class: its own fields (see {@link #ownFields}), and for the last few subject classes asked about the
     * ones that can hold such a subject, so that a registration costs a comparison or two and, mostly, one field
     * read.
     */
    private static final ClassValue<Owned> OWNED = new ClassValue<Owned>() {
        @Override
        protected Owned computeValue(Class<?> type) {
            return new Owned(ownFields(type));
        }
    };

    /** An owner class's own fields and, copied on write, its fields per subject class. */
    private static final class Owned {
        final FieldReader[] fields;
        final AtomicReference<ForSubject[]> bySubject = new AtomicReference<>(new ForSubject[0]);

        Owned(FieldReader[] fields) {
            this.fields = fields;
        }

        FieldReader[] fieldsFor(Class<?> subjectClass) {
            ForSubject[] known = bySubject.get();
            for (ForSubject k : known) {
                if (k.get() == subjectClass) {
                    return k.fields;
                }
            }
            List<FieldReader> fit = new ArrayList<>(1);
            for (FieldReader f : fields) {
                if (f.field().getType().isAssignableFrom(subjectClass)) {
                    fit.add(f);
                }
            }
            FieldReader[] result = fit.toArray(NONE);
            ForSubject[] grown = new ForSubject[Math.min(known.length + 1, SUBJECT_CLASSES)];
            grown[0] = new ForSubject(subjectClass, result);
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
     * The owner's own field that holds {@code subject}, or {@code null}. Kept out of {@link #heldIn} so that the
     * test most registrations stop at stays small enough for the JIT to inline into the registration path.
     */
    private static String ownField(Object owner, Object subject) {
        for (FieldReader f : OWNED.get(owner.getClass()).fieldsFor(subject.getClass())) {
            if (f.read(owner) == subject) {
                return f.name();
            }
        }
        return null;
    }
}
