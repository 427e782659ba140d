package dev.lapse.agent.instrument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves {@link HookAdvice} into the planned methods of one class file. Frames are kept, not computed: computing
 * them would ask for common superclasses, which means loading classes from inside a transformer.
 */
final class AdviceWeaver extends ClassVisitor {
    private final Map<String, ApiMethod> planned = new HashMap<>();
    private String owner;
    private int version;

    private AdviceWeaver(ClassVisitor next, List<MethodPlanner.Planned> plan) {
        super(Opcodes.ASM9, next);
        for (MethodPlanner.Planned p : plan) {
            planned.put(p.method().name() + p.method().descriptor(), p.api());
        }
    }

    /** The class file with the advice in every planned method. */
    static byte[] weave(byte[] classFile, List<MethodPlanner.Planned> plan) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new AdviceWeaver(writer, plan), ClassReader.EXPAND_FRAMES); // the advice's sorter needs them
        return writer.toByteArray();
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.version = version & 0xFFFF;
        this.owner = name;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        ApiMethod api = planned.get(name + descriptor);
        if (api == null || ((access & Opcodes.ACC_STATIC) != 0 && version < Opcodes.V1_5)) {
            return next; // a class constant, for a static method's subject, needs a class file of Java 5 or later
        }
        return new HookAdvice(next, access, name, descriptor, owner, api, version >= Opcodes.V1_6);
    }
}
