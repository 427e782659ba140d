package dev.lapse.agent.reflect;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one instance field of reference type on the registration path, where {@link Field#get} costs too much: 12
 * ns a read on JDK 17 and 35 on JDK 25 (its accessor is a megamorphic call and a type check), against a budget of
 * about a hundred nanoseconds for the whole registration, which resolves the owner and the subject's field through
 * two to four reads. Reads go through the JVM's internal {@code Unsafe} at the field's offset, a plain load once
 * compiled; {@code sun.misc.Unsafe}, the supported door, refuses the fields of hidden classes (every lambda's) and
 * warns on standard error from JDK 24.
 *
 * <p>The internal class is reached by exporting its package of {@code java.base} to the agent ({@link
 * Instrumentation#redefineModule}, the way the hook is defined) and by a small class the agent generates, because the
 * agent is compiled against the public API only. Without the agent's instrumentation (unit tests), or if any of that
 * fails on some JVM, reads fall back to {@link Field#get}, with the same results.
 *
 * <p>A reader must only be given objects of the field's declaring class or a subclass: the callers key their readers
 * by the exact class of the object they read.
 */
public final class FieldReader {
    /** The generated class: {@code Unsafe.getReference} and {@code objectFieldOffset}, nothing else. */
    public interface Raw {
        Object get(Object target, long offset);

        long offset(Field field);
    }

    private static final String RAW_NAME = Type.getInternalName(FieldReader.class) + "$UnsafeRaw";
    private static final String UNSAFE = "jdk/internal/misc/Unsafe";

    private static volatile Instrumentation instrumentation;

    private final Field field;
    private final long offset;

    private FieldReader(Field field, long offset) {
        this.field = field;
        this.offset = offset;
    }

    /** Lets readers made from now on read through the internal {@code Unsafe}. */
    static void init(Instrumentation inst) {
        instrumentation = inst;
    }

    /** A reader of {@code field}, an instance field of reference type already made accessible ({@link Access}). */
    public static FieldReader of(Field field) {
        Raw raw = Fast.RAW;
        long offset = -1;
        if (raw != null && !Modifier.isStatic(field.getModifiers())) {
            try {
                offset = raw.offset(field);
            } catch (RuntimeException | LinkageError e) {
                offset = -1;
            }
        }
        return new FieldReader(field, offset);
    }

    /** The field's name. */
    public String name() {
        return field.getName();
    }

    /** The field. */
    public Field field() {
        return field;
    }

    /** The field's value in {@code target}, or {@code null} when it cannot be read. */
    public Object read(Object target) {
        if (offset >= 0) {
            return Fast.RAW.get(target, offset);
        }
        return ReferenceFields.read(field, target);
    }

    /** Whether reads go through the internal {@code Unsafe} (for tests). */
    boolean fast() {
        return offset >= 0;
    }

    /**
     * The generated reader, made the first time a field reader is made (never on the launch path), or {@code null}
     * without the agent or when it could not be made.
     */
    private static final class Fast {
        static final Raw RAW = make();

        private static Raw make() {
            Instrumentation inst = instrumentation;
            if (inst == null) {
                return null;
            }
            try {
                Module base = Object.class.getModule();
                Module agent = FieldReader.class.getModule();
                inst.redefineModule(
                        base, Set.of(), Map.of("jdk.internal.misc", Set.of(agent)), Map.of(), Set.of(), Map.of());
                Class<?> type = MethodHandles.lookup().defineClass(rawClass());
                return (Raw) type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }

        /**
         * {@code final class FieldReader$UnsafeRaw implements Raw}, with {@code get} as {@code
         * Unsafe.getUnsafe().getReference(target, offset)} and {@code offset} as {@code objectFieldOffset(field)}.
         */
        private static byte[] rawClass() {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            cw.visit(
                    Opcodes.V17,
                    Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_PUBLIC,
                    RAW_NAME,
                    null,
                    "java/lang/Object",
                    new String[] {Type.getInternalName(Raw.class)});
            String unsafeDesc = "L" + UNSAFE + ";";
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "U", unsafeDesc, null, null)
                    .visitEnd();

            MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.visitCode();
            clinit.visitMethodInsn(Opcodes.INVOKESTATIC, UNSAFE, "getUnsafe", "()" + unsafeDesc, false);
            clinit.visitFieldInsn(Opcodes.PUTSTATIC, RAW_NAME, "U", unsafeDesc);
            clinit.visitInsn(Opcodes.RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();

            MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
            init.visitCode();
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            init.visitInsn(Opcodes.RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();

            MethodVisitor get =
                    cw.visitMethod(Opcodes.ACC_PUBLIC, "get", "(Ljava/lang/Object;J)Ljava/lang/Object;", null, null);
            get.visitCode();
            get.visitFieldInsn(Opcodes.GETSTATIC, RAW_NAME, "U", unsafeDesc);
            get.visitVarInsn(Opcodes.ALOAD, 1);
            get.visitVarInsn(Opcodes.LLOAD, 2);
            get.visitMethodInsn(
                    Opcodes.INVOKEVIRTUAL, UNSAFE, "getReference", "(Ljava/lang/Object;J)Ljava/lang/Object;", false);
            get.visitInsn(Opcodes.ARETURN);
            get.visitMaxs(0, 0);
            get.visitEnd();

            MethodVisitor offset =
                    cw.visitMethod(Opcodes.ACC_PUBLIC, "offset", "(Ljava/lang/reflect/Field;)J", null, null);
            offset.visitCode();
            offset.visitFieldInsn(Opcodes.GETSTATIC, RAW_NAME, "U", unsafeDesc);
            offset.visitVarInsn(Opcodes.ALOAD, 1);
            offset.visitMethodInsn(
                    Opcodes.INVOKEVIRTUAL, UNSAFE, "objectFieldOffset", "(Ljava/lang/reflect/Field;)J", false);
            offset.visitInsn(Opcodes.LRETURN);
            offset.visitMaxs(0, 0);
            offset.visitEnd();

            cw.visitEnd();
            return cw.toByteArray();
        }
    }
}
