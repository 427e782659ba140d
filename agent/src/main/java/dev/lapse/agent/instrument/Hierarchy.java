package dev.lapse.agent.instrument;

import dev.lapse.agent.instrument.TypeInfo.MethodInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The planner's questions about supertypes, answered from class files through a {@link TypePool}: where the
 * remove method of an add is, whether an add's return type is a handle and how it is closed, whether a type is a
 * listener. A type whose class file cannot be read ends the search up that branch, as if it had no supertypes.
 */
final class Hierarchy {
    /** Enough for any real hierarchy; bounds the walk of a pathological one. */
    private static final int MAX_TYPES = 48;

    private final TypePool pool;
    private final ClassLoader loader;

    /** @param loader the loader that defines the class being planned, through which its supertypes are read */
    Hierarchy(TypePool pool, ClassLoader loader) {
        this.pool = pool;
        this.loader = loader;
    }

    /** The type named {@code name}, or {@code null} when it cannot be read. */
    TypeInfo find(String name) {
        return pool.find(loader, name);
    }

    /**
     * {@code type} and its supertypes that can be read, breadth first, each once, each read only when the iteration
     * reaches it: most questions are answered by the type itself or its first supertypes, and reading a class file
     * costs a look-up in the loader's jars and a parse.
     */
    Iterable<TypeInfo> upFrom(TypeInfo type) {
        return new Iterable<>() { // a class, not a lambda: no class is spun on the way to the first planned class
            @Override
            public Iterator<TypeInfo> iterator() {
                return new Ancestors(type);
            }
        };
    }

    /** The iteration of {@link #upFrom}. */
    private final class Ancestors implements Iterator<TypeInfo> {
        private final Set<String> seen = new HashSet<>();
        private final List<String> queue;
        private int queued;
        private int found = 1;
        private TypeInfo next;

        Ancestors(TypeInfo type) {
            seen.add(type.name());
            queue = new ArrayList<>(type.supertypes());
            next = type;
        }

        @Override
        public boolean hasNext() {
            while (next == null && queued < queue.size() && found < MAX_TYPES) {
                String name = queue.get(queued++);
                if (seen.add(name)) {
                    next = find(name);
                    if (next != null) {
                        found++;
                        queue.addAll(next.supertypes());
                    }
                }
            }
            return next != null;
        }

        @Override
        public TypeInfo next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            TypeInfo t = next;
            next = null;
            return t;
        }
    }

    /** Whether {@code type} is {@code target} or one of its supertypes is. */
    boolean isAssignable(TypeInfo type, String target) {
        if (target.equals("java.lang.Object")) {
            return true;
        }
        for (TypeInfo t : upFrom(type)) {
            if (t.name().equals(target)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A remove method in the type's hierarchy taking the same listener type, or {@code null}. One with exactly
     * the add's parameters wins ({@code addPropertyChangeListener(String, l)} is undone by the two-argument
     * remove), else the first found ({@code removeAWTEventListener(l)} for {@code addAWTEventListener(l, mask)}).
     */
    MethodInfo findRemove(TypeInfo type, MethodInfo add, String listenerType) {
        List<String> addParameters = add.parameterNames();
        List<String> candidates = NameRules.removeNamesFor(add.name());
        MethodInfo found = null;
        for (TypeInfo t : upFrom(type)) {
            for (MethodInfo m : t.methods()) {
                if (candidates.contains(m.name())
                        && !m.is(Opcodes.ACC_PRIVATE)
                        && m.parameterNames().contains(listenerType)) {
                    if (m.parameterNames().equals(addParameters)) {
                        return m;
                    }
                    if (found == null) {
                        found = m;
                    }
                }
            }
        }
        return found;
    }

    /**
     * The method of an add's return type that undoes the registration: {@code close} for an
     * {@code AutoCloseable}, else the first no-argument {@code dispose}, {@code unsubscribe}, {@code cancel},
     * {@code close} or {@code remove} in its hierarchy; {@code null} when it is no handle. A fluent add that
     * returns its own subject ({@code bus.addListener(l).addListener(m)}) returns no handle, whatever methods
     * the subject has.
     */
    String handleClose(TypeInfo subject, Type returned) {
        if (returned.getSort() != Type.OBJECT
                || MethodPlanner.isKeyType(returned.getClassName())
                || returned.getClassName().equals("java.lang.Object")) {
            return null;
        }
        TypeInfo handle = find(returned.getClassName());
        if (handle == null) {
            return null; // a type missing from the class path: no handle we could watch
        }
        if (isAssignable(subject, handle.name()) || isAssignable(handle, subject.name())) {
            return null;
        }
        Iterable<TypeInfo> hierarchy = upFrom(handle); // read once: the second pass takes the pool's cache
        for (TypeInfo t : hierarchy) {
            if (t.name().equals("java.lang.AutoCloseable")) {
                return "close";
            }
        }
        for (String name : NameRules.HANDLE_CLOSE) {
            for (TypeInfo t : hierarchy) {
                for (MethodInfo m : t.methods()) {
                    if (m.name().equals(name)
                            && m.descriptor().startsWith("()")
                            && !m.is(Opcodes.ACC_STATIC)
                            && !m.is(Opcodes.ACC_PRIVATE)) {
                        return name;
                    }
                }
            }
        }
        return null;
    }

    /** An interface named like a listener, or anything that is a {@code java.util.EventListener}. */
    boolean isListenerType(String name) {
        TypeInfo t = find(name);
        if (t == null) {
            return false;
        }
        return (t.is(Opcodes.ACC_INTERFACE) && NameRules.isListenerTypeName(name))
                || isAssignable(t, "java.util.EventListener");
    }
}
