package dev.lapse.bench.app;

import java.beans.PropertyChangeSupport;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Thousands of owner classes, generated and defined in the measuring JVM (so an agent sees them load): each is
 * an {@link Owner} whose pair methods register and unregister the owner itself, each call at a line of its own
 * source file.
 */
public final class GeneratedOwners extends ClassLoader {
    private static final String OWNER = Type.getInternalName(Owner.class);
    private static final String MODEL = Type.getInternalName(Model.class);
    private static final String SUPPORT = Type.getInternalName(PropertyChangeSupport.class);
    private static final String CHANGE = "L" + Type.getInternalName(ChangeListener.class) + ";";
    private static final String PROPERTY = "Ljava/beans/PropertyChangeListener;";

    private GeneratedOwners() {
        super(GeneratedOwners.class.getClassLoader());
    }

    /** {@code count} owners, one instance of each of {@code count} classes. */
    public static Owner[] create(int count) {
        GeneratedOwners loader = new GeneratedOwners();
        Owner[] owners = new Owner[count];
        try {
            for (int i = 0; i < count; i++) {
                String name = "dev.lapse.bench.gen.Owner" + i;
                byte[] bytes = classFile(name.replace('.', '/'));
                Class<?> c = loader.defineClass(name, bytes, 0, bytes.length);
                owners[i] = (Owner) c.getDeclaredConstructor().newInstance();
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return owners;
    }

    private static byte[] classFile(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, OWNER, null);
        cw.visitSource(name.substring(name.lastIndexOf('/') + 1) + ".java", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, OWNER, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        pair(cw, "L" + MODEL + ";", MODEL, "ChangeListener", CHANGE, 10);
        pair(cw, "L" + SUPPORT + ";", SUPPORT, "PropertyChangeListener", PROPERTY, 20);
        empty(cw, "changed", "(I)V");
        empty(cw, "propertyChange", "(Ljava/beans/PropertyChangeEvent;)V");
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code pairOn(subject)}: {@code subject.addX(this)} at {@code line}, {@code subject.removeX(this)} after. */
    private static void pair(
            ClassWriter cw, String subjectDesc, String subject, String family, String listener, int line) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, "pairOn", "(" + subjectDesc + ")V", null, null);
        m.visitCode();
        for (String verb : new String[] {"add", "remove"}) {
            Label at = new Label();
            m.visitLabel(at);
            m.visitLineNumber(verb.equals("add") ? line : line + 1, at);
            m.visitVarInsn(Opcodes.ALOAD, 1);
            m.visitVarInsn(Opcodes.ALOAD, 0);
            m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, subject, verb + family, "(" + listener + ")V", false);
        }
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    private static void empty(ClassWriter cw, String name, String descriptor) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, name, descriptor, null, null);
        m.visitCode();
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }
}
