package dev.lapse.agent.instrument.callsite;

import dev.lapse.agent.bootstrap.LapseHook;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a caller: before each call that may reach a registration API, the call site's constant id goes to
 * the hook ({@link LapseHook#callSite}), with the caller's {@code this} where it has one; right after the call
 * returns, the hook forgets the id ({@link LapseHook#callSiteReturned}). The id is known here, where the
 * instruction's class, method and line are, so the registration path looks nothing up and walks no stack (JaCoCo's
 * probes). Two static calls around the instruction and two slots of operand stack; no frame, local or branch is
 * added, so no frame is recomputed and no class is loaded.
 *
 * <p>A call to a JDK class loaded before the agent ({@code Runtime#addShutdownHook}) first has that class instrumented
 * ({@link LapseHook#instrumentLate}): the launch does not retransform it, which would load all of the instrumentation
 * in a program that never calls it.
 *
 * <p>A constructor has no {@code this} to hand over until it has called its superclass's (or another of its own)
 * constructor: before that, {@code this} is uninitialised and the verifier refuses to pass it. That call is the first
 * {@code invokespecial <init>} that does not construct an object a {@code new} in the constructor created.
 *
 * <p>{@code this} is local 0 only while nothing else is stored there. Java code never does, but bytecode may reuse the
 * slot, and loading an {@code int} as an object would fail verification. So the rewriter follows what the verifier
 * knows of local 0, linearly as the verifier does: the stack map frames and the stores and increments of local 0.
 * From the first one that may replace {@code this}, the method's later sites hand over no caller. Class files
 * that may lack stack map frames (version 50 and older) are verified by inference across branches, so their methods
 * never hand one over.
 */
final class CallSiteRewriter extends ClassVisitor {
    /** The hook's internal name, from the class itself so that it follows the hook wherever it moves. */
    static final String HOOK = Type.getInternalName(LapseHook.class);

    private final CallTargets targets;
    private final CallSiteTable table;
    private final CallingMethods calling;
    private String callerClass;
    private String internalName;
    private boolean frames;
    private String file;
    private int rewritten;

    /**
     * @param calling the methods to read; every other one is handed to {@code next} unvisited, which a class writer
     *     made from the same reader copies without decoding its code
     */
    CallSiteRewriter(ClassVisitor next, CallTargets targets, CallSiteTable table, CallingMethods calling) {
        super(Opcodes.ASM9, next);
        this.targets = targets;
        this.table = table;
        this.calling = calling;
    }

    /** How many call instructions were given a site id. */
    int rewritten() {
        return rewritten;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        callerClass = name.replace('/', '.');
        internalName = name;
        frames = (version & 0xFFFF) >= Opcodes.V1_7; // 50 may still fall back to the inference verifier
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
        if ((access & Opcodes.ACC_BRIDGE) != 0 || !calling.includes(name, descriptor)) {
            // a bridge forwards the call its caller made (Netty's ChannelFuture#addListener to its covariant
            // override): an id of its own would replace the caller's, whose line is the registering one
            return next;
        }
        boolean hasThis = frames && (access & Opcodes.ACC_STATIC) == 0;
        return next == null
                ? null
                : new Calls(next, name, hasThis, name.equals("<init>"), 1 + Type.getArgumentTypes(descriptor).length);
    }

    private final class Calls extends MethodVisitor {
        private final String method;
        private int line = -1;
        private boolean changed;

        /** Whether {@code this} may be passed: an instance method, or a constructor once its object is initialised. */
        private boolean thisReady;

        /** Whether local 0 may no longer be {@code this}: nothing is handed over from here on. */
        private boolean slotReplaced;

        /** Locals of the last stack map frame (frames are relative to the one before), to tell when local 0 goes. */
        private int frameLocals;

        /** In a constructor before {@code this} is initialised: objects made by {@code new} not yet constructed. */
        private int unconstructed;

        Calls(MethodVisitor next, String method, boolean hasThis, boolean constructor, int initialLocals) {
            super(Opcodes.ASM9, next);
            this.method = method;
            this.thisReady = hasThis && !constructor;
            this.slotReplaced = !hasThis;
            this.frameLocals = initialLocals;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                unconstructed++;
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            if (varIndex == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                slotReplaced = true;
            }
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            if (varIndex == 0) {
                slotReplaced = true;
            }
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            switch (type) {
                case Opcodes.F_NEW, Opcodes.F_FULL -> {
                    frameLocals = numLocal;
                    Object first = numLocal > 0 ? local[0] : null;
                    if (!internalName.equals(first) && first != Opcodes.UNINITIALIZED_THIS) {
                        slotReplaced = true;
                    }
                }
                case Opcodes.F_APPEND -> frameLocals += numLocal;
                case Opcodes.F_CHOP -> {
                    frameLocals -= numLocal;
                    if (frameLocals <= 0) {
                        slotReplaced = true;
                    }
                }
                default -> {} // F_SAME, F_SAME1: the locals of the frame before
            }
            super.visitFrame(type, numLocal, local, numStack, stack);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            super.visitLineNumber(line, start);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
                if (unconstructed > 0) {
                    unconstructed--;
                } else if (method.equals("<init>")) {
                    thisReady = true; // super(...) or this(...): from here on this is initialised
                }
            }
            int id = opcode == Opcodes.INVOKESPECIAL || !targets.mayRegister(owner, name, descriptor)
                    ? 0
                    : table.add(callerClass, method, file, line, name, Type.getArgumentTypes(descriptor).length);
            if (id == 0) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            if (targets.instrumentedLate(owner)) {
                instrumentLate(owner);
            }
            // the arguments are on the stack already: nothing runs between the hand-over and the call
            super.visitLdcInsn(id);
            if (thisReady && !slotReplaced) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "callSite", "(ILjava/lang/Object;)V", false);
            } else {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "callSite", "(I)V", false);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "callSiteReturned", "()V", false);
            changed = true;
            rewritten++;
        }

        /**
         * A method reference to a late class's registration method ({@code Runtime.getRuntime()::addShutdownHook}):
         * the JDK's lambda class makes the call, and it is never rewritten, so the class is instrumented where the
         * reference is made.
         */
        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle h
                        && targets.instrumentedLate(h.getOwner())
                        && targets.mayRegister(h.getOwner(), h.getName(), h.getDesc())) {
                    instrumentLate(h.getOwner());
                    changed = true;
                    rewritten++;
                    break;
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        /** A call that has the late class {@code owner} instrumented before the code goes on (one slot of stack). */
        private void instrumentLate(String owner) {
            super.visitLdcInsn(owner.replace('/', '.'));
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "instrumentLate", "(Ljava/lang/String;)V", false);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            // the id and this are pushed on top of the call's arguments: two slots more than the call itself needed
            super.visitMaxs(changed ? maxStack + 2 : maxStack, maxLocals);
        }
    }
}
