package dev.lapse.agent.instrument;

import dev.lapse.agent.instrument.TypeInfo.MethodInfo;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Registration APIs whose names say nothing: {@code addCloseHook(Closeable)}/{@code removeCloseHook(Closeable)}, Vert.x's
 * {@code CloseFuture#add(Closeable)}/{@code remove(Closeable)}, hooks, watchers, sinks, interceptors. Decided from the
 * shapes, since the name cannot be: an instance method {@code add}+rest of one parameter, of an interface type that is
 * no container or value, whose class declares {@code remove}+the same rest with the same parameter (or which returns a
 * handle that undoes it: {@code Watch addWatcher(Consumer)}), and whose code keeps its argument (stores it in a field, an array, or hands it to a collection's or map's mutator). Containers stay
 * out: a class that is a {@code Collection}, a {@code Map} or an {@code Iterable}, and a builder whose add returns its
 * own type. Only application classes; the name families ({@link NameRules}) are planned before this rule is asked.
 */
final class UnnamedPairs {

    /** Parameter types that are data, not a callback: a container, a value to compare or copy. */
    private static final Set<String> DATA_TYPES = Set.of(
            "java.lang.Object",
            "java.lang.Iterable",
            "java.util.Collection",
            "java.util.List",
            "java.util.Set",
            "java.util.Map",
            "java.lang.Comparable",
            "java.io.Serializable",
            "java.lang.Cloneable",
            "java.lang.reflect.Type");

    private static final List<String> CONTAINERS =
            List.of("java.util.Collection", "java.util.Map", "java.lang.Iterable");

    /** Methods that keep the value passed to them when called on a collection, a map or a queue. */
    private static final Set<String> MUTATORS = Set.of(
            "add",
            "addFirst",
            "addLast",
            "addElement",
            "addIfAbsent",
            "offer",
            "offerFirst",
            "offerLast",
            "push",
            "put",
            "putIfAbsent",
            "set",
            "lazySet",
            "compareAndSet",
            "getAndSet");

    private UnnamedPairs() {}

    /** The part after {@code add} of a name outside the families ({@code ""}, {@code "CloseHook"}), or {@code null}. */
    static String addRest(String name) {
        if (!name.startsWith("add") || NameRules.isAdd(name)) {
            return null;
        }
        String rest = name.substring(3);
        return rest.isEmpty() || Character.isUpperCase(rest.charAt(0)) ? rest : null;
    }

    /**
     * The pair {@code add} forms with a remove method of {@code type}, or {@code null}.
     *
     * @param classFile the class file of {@code type}, whose code tells whether the add keeps its argument
     */
    static MethodInfo removeFor(TypeInfo type, MethodInfo add, Hierarchy hierarchy, byte[] classFile) {
        if (!addShape(add, classFile)) {
            return null;
        }
        String rest = addRest(add.name());
        MethodInfo remove = null;
        for (MethodInfo m : type.methods()) {
            if (m.name().equals("remove" + rest)
                    && !m.is(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)
                    && m.parameterNames().equals(add.parameterNames())) {
                remove = m;
            }
        }
        return remove != null && registers(type, add, hierarchy, classFile) ? remove : null;
    }

    /**
     * The method that undoes an add of {@code type} with no remove method, on the handle it returns
     * ({@code Watch addWatcher(Consumer)} whose {@code Watch} has a {@code close()}), or {@code null}.
     */
    static String handleCloseFor(TypeInfo type, MethodInfo add, Hierarchy hierarchy, byte[] classFile) {
        if (!addShape(add, classFile)) {
            return null;
        }
        String close = hierarchy.handleClose(type, Type.getReturnType(add.descriptor()));
        return close != null && registers(type, add, hierarchy, classFile) ? close : null;
    }

    /** An instance {@code add}+rest of one reference parameter, in a class whose code can be read. */
    private static boolean addShape(MethodInfo add, byte[] classFile) {
        Type[] parameters = add.parameters();
        return addRest(add.name()) != null
                && classFile != null
                && !add.is(Opcodes.ACC_STATIC)
                && parameters.length == 1
                && parameters[0].getSort() == Type.OBJECT;
    }

    /**
     * Whether the add is a registration: its parameter is a callback type, its class no container, it returns no
     * builder of its own type, and its code keeps its argument.
     */
    private static boolean registers(TypeInfo type, MethodInfo add, Hierarchy hierarchy, byte[] classFile) {
        if (!isCallbackType(add.parameters()[0].getClassName(), hierarchy) || isContainer(type, hierarchy)) {
            return false;
        }
        Type returned = Type.getReturnType(add.descriptor());
        if (returned.getSort() == Type.OBJECT) {
            TypeInfo r = hierarchy.find(returned.getClassName());
            if (r != null && hierarchy.isAssignable(type, r.name())) {
                return false; // a builder's add returns its own type
            }
        }
        return keepsArgument(classFile, add);
    }

    /** An interface that is no container or value type: what a hook, a watcher or a sink is declared as. */
    private static boolean isCallbackType(String name, Hierarchy hierarchy) {
        if (DATA_TYPES.contains(name) || MethodPlanner.isKeyType(name)) {
            return false;
        }
        TypeInfo t = hierarchy.find(name);
        if (t == null || !t.is(Opcodes.ACC_INTERFACE)) {
            return false;
        }
        for (String container : CONTAINERS) {
            if (hierarchy.isAssignable(t, container)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isContainer(TypeInfo type, Hierarchy hierarchy) {
        for (String container : CONTAINERS) {
            if (hierarchy.isAssignable(type, container)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the add's code keeps its argument: the parameter is loaded, and the method stores a reference into a
     * field or an array, or calls a collection's mutator, or constructs an entry. A shape read from the code, not a
     * data flow: a method that loads its argument and stores something else counts too, which the remove method's
     * existence makes rare.
     */
    static boolean keepsArgument(byte[] classFile, MethodInfo add) {
        StoreScan scan = new StoreScan(add);
        new ClassReader(classFile).accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scan.loadsArgument && scan.stores;
    }

    /** Reads the code of one method: whether it loads its first argument and keeps a reference. */
    private static final class StoreScan extends ClassVisitor {
        private final MethodInfo add;
        boolean loadsArgument;
        boolean stores;

        StoreScan(MethodInfo add) {
            super(Opcodes.ASM9);
            this.add = add;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            if (!name.equals(add.name()) || !descriptor.equals(add.descriptor())) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitVarInsn(int opcode, int slot) {
                    if (opcode == Opcodes.ALOAD && slot == 1) {
                        loadsArgument = true;
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    if ((opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) && isReference(fieldDescriptor)) {
                        stores = true;
                    }
                }

                @Override
                public void visitInsn(int opcode) {
                    if (opcode == Opcodes.AASTORE) {
                        stores = true;
                    }
                }

                @Override
                public void visitMethodInsn(
                        int opcode, String owner, String method, String methodDescriptor, boolean isInterface) {
                    if (MUTATORS.contains(method) && Type.getArgumentTypes(methodDescriptor).length > 0) {
                        stores = true;
                    }
                }
            };
        }

        private static boolean isReference(String descriptor) {
            char c = descriptor.charAt(0);
            return c == 'L' || c == '[';
        }
    }

    /** For the constant-pool scan: whether a declared method of this name and descriptor may be such an add. */
    static boolean mayBeAdd(String name, String descriptor) {
        return addRest(name) != null
                && descriptor.startsWith("(L")
                && descriptor.indexOf(';') == descriptor.indexOf(')') - 1;
    }

    /**
     * For the constant-pool scan: whether such an add may return a handle (an object other than {@code Object}); the
     * planner asks the handle's type.
     */
    static boolean mayReturnHandle(String descriptor) {
        String returned = descriptor.substring(descriptor.indexOf(')') + 1);
        return returned.startsWith("L") && !returned.equals("Ljava/lang/Object;");
    }

    /** The remove name that pairs with an add of this name. */
    static String removeName(String addName) {
        return "remove" + addName.substring(3);
    }
}
