package dev.lapse.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the planner needs of a class, read from its class file with ASM: its name, modifiers, direct supertypes and
 * declared methods. No class is loaded to build one, and nothing in it refers to a class loader.
 *
 * @param name binary name ({@code com.acme.Model$Inner})
 * @param superName binary name of the superclass, {@code null} for {@code java.lang.Object} and interfaces' none
 */
record TypeInfo(String name, int access, String superName, List<String> interfaces, List<MethodInfo> methods) {

    /**
     * One declared method.
     *
     * @param annotations binary names of its run-time visible annotations
     */
    record MethodInfo(int access, String name, String descriptor, List<String> annotations) {
        /** Not a constructor or type initialiser. */
        boolean isMethod() {
            return name.charAt(0) != '<';
        }

        boolean is(int flag) {
            return (access & flag) != 0;
        }

        Type[] parameters() {
            return Type.getArgumentTypes(descriptor);
        }

        /** The parameter types' names as {@link Class#getName()} spells them. */
        List<String> parameterNames() {
            List<String> names = new ArrayList<>();
            for (Type t : parameters()) {
                names.add(nameOf(t));
            }
            return names;
        }
    }

    boolean is(int flag) {
        return (access & flag) != 0;
    }

    /** The superclass and the interfaces, the superclass first. */
    List<String> supertypes() {
        List<String> all = new ArrayList<>(interfaces.size() + 1);
        if (superName != null) {
            all.add(superName);
        }
        all.addAll(interfaces);
        return all;
    }

    /** {@code int}, {@code java.lang.String}, {@code [Ljava.lang.String;}: a type's name as {@link Class#getName()}. */
    static String nameOf(Type t) {
        return t.getSort() == Type.ARRAY ? t.getDescriptor().replace('/', '.') : t.getClassName();
    }

    /** Reads the declarations of a class file, skipping code. */
    static TypeInfo read(byte[] classFile) {
        Reader reader = new Reader();
        new ClassReader(classFile)
                .accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new TypeInfo(
                reader.name, reader.access, reader.superName, reader.interfaces, List.copyOf(reader.methods));
    }

    private static final class Reader extends ClassVisitor {
        String name;
        int access;
        String superName;
        List<String> interfaces = List.of();
        final List<MethodInfo> methods = new ArrayList<>();

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name.replace('/', '.');
            this.access = access;
            this.superName = superName == null ? null : superName.replace('/', '.');
            List<String> names = new ArrayList<>();
            for (String i : interfaces == null ? new String[0] : interfaces) {
                names.add(i.replace('/', '.'));
            }
            this.interfaces = List.copyOf(names);
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                private final List<String> annotations = new ArrayList<>(0);

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (visible) {
                        annotations.add(Type.getType(annotation).getClassName());
                    }
                    return null;
                }

                @Override
                public void visitEnd() {
                    methods.add(new MethodInfo(access, name, descriptor, List.copyOf(annotations)));
                }
            };
        }
    }
}
