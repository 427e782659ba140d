package dev.lapse.agent.instrument.callsite;

import dev.lapse.agent.bootstrap.LapseHook;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a caller: before each call that may reach a registration API, the call site's constant id goes to
 * the hook ({@link LapseHook#callSite}); right after the call returns, the hook forgets it
 * ({@link LapseHook#callSiteReturned}). The id is known here, where the instruction's class, method and line
 * are, so the registration path looks nothing up and walks no stack (JaCoCo's probes). Two static calls around
 * the instruction and one slot of operand stack; no frame, local or branch is added, so no frame is recomputed
 * and no class is loaded.
 */
final class CallSiteRewriter extends ClassVisitor {
    /** The hook's internal name, from the class itself so that it follows the hook wherever it moves. */
    static final String HOOK = Type.getInternalName(LapseHook.class);

    private final CallTargets targets;
    private final CallSiteTable table;
    private String callerClass;
    private String file;
    private int rewritten;

    CallSiteRewriter(ClassVisitor next, CallTargets targets, CallSiteTable table) {
        super(Opcodes.ASM9, next);
        this.targets = targets;
        this.table = table;
    }

    /** How many call instructions were given a site id. */
    int rewritten() {
        return rewritten;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        callerClass = name.replace('/', '.');
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        file = source;
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if ((access & Opcodes.ACC_BRIDGE) != 0) {
            // a bridge forwards the call its caller made (Netty's ChannelFuture#addListener to its covariant
            // override): an id of its own would replace the caller's, whose line is the registering one
            return next;
        }
        return next == null ? null : new Calls(next, name);
    }

    private final class Calls extends MethodVisitor {
        private final String method;
        private int line = -1;
        private boolean changed;

        Calls(MethodVisitor next, String method) {
            super(Opcodes.ASM9, next);
            this.method = method;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            super.visitLineNumber(line, start);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            int id = opcode == Opcodes.INVOKESPECIAL || !targets.mayRegister(owner, name, descriptor)
                    ? 0
                    : table.add(callerClass, method, file, line, name, Type.getArgumentTypes(descriptor).length);
            if (id == 0) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            // the arguments are on the stack already: nothing runs between the hand-over and the call
            super.visitLdcInsn(id);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "callSite", "(I)V", false);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "callSiteReturned", "()V", false);
            changed = true;
            rewritten++;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            // the id is pushed on top of the call's arguments: one slot more than the call itself needed
            super.visitMaxs(changed ? maxStack + 1 : maxStack, maxLocals);
        }
    }
}
