package dev.lapse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Loading a large class path: 20,000 generated classes defined and linked by a fresh class loader, one in ten
 * with an add/remove listener pair the agent instruments, the rest ordinary classes it must reject cheaply.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ClassLoadBench {
    static final int CLASSES = 20_000;
    private static final String PACKAGE = "dev/lapse/bench/gen/";

    private List<byte[]> classes;
    private Loader loader;

    @Setup(Level.Trial)
    public void generate() {
        classes = new ArrayList<>(CLASSES);
        for (int i = 0; i < CLASSES; i++) {
            classes.add(generate(i));
        }
    }

    @Setup(Level.Iteration)
    public void newLoader() {
        loader = new Loader();
    }

    @Benchmark
    public int load20000Classes() {
        int methods = 0;
        for (int i = 0; i < CLASSES; i++) {
            Class<?> c = loader.define(classes.get(i));
            methods += c.getDeclaredMethods().length; // links the class, as first use would
        }
        return methods;
    }

    private static byte[] generate(int i) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, PACKAGE + "C" + i, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PRIVATE, "state", "I", null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        for (int m = 0; m < 6; m++) {
            trivial(cw, "method" + m, "(I)I");
        }
        if (i % 10 == 0) {
            trivial(cw, "addChangeListener", "(Ldev/lapse/bench/app/ChangeListener;)V");
            trivial(cw, "removeChangeListener", "(Ldev/lapse/bench/app/ChangeListener;)V");
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void trivial(ClassWriter cw, String name, String descriptor) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, name, descriptor, null, null);
        mv.visitCode();
        if (descriptor.endsWith("I")) {
            mv.visitVarInsn(Opcodes.ILOAD, 1);
            mv.visitInsn(Opcodes.IRETURN);
        } else {
            mv.visitInsn(Opcodes.RETURN);
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static final class Loader extends ClassLoader {
        Loader() {
            super(ClassLoadBench.class.getClassLoader());
        }

        Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }
}
