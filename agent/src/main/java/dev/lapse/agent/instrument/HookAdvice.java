package dev.lapse.agent.instrument;

import dev.lapse.agent.bootstrap.LapseHook;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * The advice woven into one instrumented method: calls into the hook, with the method's id as a constant. An add
 * or remove method counts its call on entry ({@link LapseHook#enter}, {@link LapseHook#enterHandle} for an add that
 * returns its undo handle) and reports it on a normal return
 * ({@link LapseHook#added}, {@link LapseHook#removed}); a catch-all handler around the body uncounts it when the
 * method throws ({@link LapseHook#unwind}) and rethrows. A lifecycle end or a handle's close reports on a normal
 * return only ({@link LapseHook#ended}). No field, method or class is added, so retransformation can apply and
 * undo it; the hook never throws, so the advice needs no handler of its own.
 */
final class HookAdvice extends AdviceAdapter {
    /**
     * The hook's internal name as the JVM knows it: {@code dev/lapse/agent/bootstrap/LapseHook} in the sources, the
     * name the build renamed it to in the agent jar (runtime/BootstrapInjector). Every call the instrumentation
     * emits names the hook through this constant.
     */
    static final String HOOK = Type.getInternalName(LapseHook.class);

    /** The per-thread calls the advice passes from entry to exit, named from the class so it follows the renaming. */
    private static final Type CALLS = Type.getType(LapseHook.Calls.class);

    private static final String ENTER = "()" + CALLS.getDescriptor();
    private static final String ADDED =
            "(Ljava/lang/Object;" + CALLS.getDescriptor() + "ILjava/lang/Object;Ljava/lang/Class;Ljava/lang/Object;)V";
    private static final String REMOVED =
            "(" + CALLS.getDescriptor() + "ILjava/lang/Object;Ljava/lang/Class;Ljava/lang/Object;)V";
    private static final String UNWIND = "(" + CALLS.getDescriptor() + ")V";
    /** The most the advice pushes on top of what the method has on its stack when it returns. */
    private static final int EXTRA_STACK = 6;

    private final ApiMethod api;
    private final String owner;
    private final boolean frames;
    private final Label start = new Label();
    private int calls = -1;

    /**
     * @param owner  internal name of the class declaring the method
     * @param frames whether the class file has stack map frames (version 50 and later), so the handler needs one
     */
    HookAdvice(
            MethodVisitor next,
            int access,
            String name,
            String descriptor,
            String owner,
            ApiMethod api,
            boolean frames) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.api = api;
        this.owner = owner;
        this.frames = frames;
    }

    private boolean counts() {
        return api.kind() == ApiMethod.Kind.ADD || api.kind() == ApiMethod.Kind.REMOVE;
    }

    @Override
    protected void onMethodEnter() {
        if (counts()) {
            // an add returning its handle also collects the subjects its own nested adds registered on
            boolean handle = api.kind() == ApiMethod.Kind.ADD && api.handleClose() != null;
            visitMethodInsn(INVOKESTATIC, HOOK, handle ? "enterHandle" : "enter", ENTER, false);
            calls = newLocal(CALLS);
            storeLocal(calls);
            visitLabel(start);
        }
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (opcode == ATHROW) {
            return; // inside the body, so the handler below uncounts it
        }
        switch (api.kind()) {
            case ADD -> {
                if (api.handleClose() != null && Type.getReturnType(methodDesc).getSort() == Type.VOID) {
                    loadArg(api.listenerIndex()); // the argument is its own handle: Timer#schedule(TimerTask, ...)
                } else if (api.handleClose() != null) {
                    dup(); // the handle the method returns
                } else {
                    visitInsn(ACONST_NULL);
                }
                pushCall();
                visitMethodInsn(INVOKESTATIC, HOOK, "added", ADDED, false);
            }
            case REMOVE -> {
                pushCall();
                visitMethodInsn(INVOKESTATIC, HOOK, "removed", REMOVED, false);
            }
            case END, CLOSE -> {
                push(api.id());
                loadThis();
                visitMethodInsn(INVOKESTATIC, HOOK, "ended", "(ILjava/lang/Object;)V", false);
            }
        }
    }

    /**
     * The calls, the id, the receiver (or the declaring class of a static method, the class whose statics keep a
     * singleton's listeners, or the argument a static task API adds to) and the listener.
     */
    private void pushCall() {
        loadLocal(calls);
        push(api.id());
        String registry = JdkSingletons.registryOf(api);
        int subjectArgument = TaskApis.subjectArgument(api);
        if (subjectArgument >= 0) {
            loadArg(subjectArgument);
            visitInsn(ACONST_NULL);
        } else if (registry != null) {
            visitInsn(ACONST_NULL);
            visitLdcInsn(Type.getObjectType(registry.replace('.', '/')));
        } else if ((methodAccess & ACC_STATIC) != 0) {
            visitInsn(ACONST_NULL);
            visitLdcInsn(Type.getObjectType(owner));
        } else {
            loadThis();
            visitInsn(ACONST_NULL);
        }
        loadArg(api.listenerIndex());
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (calls >= 0) {
            // last in the exception table, so the method's own handlers still take what they catch
            Label end = new Label();
            Label handler = new Label();
            visitLabel(end);
            visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            visitLabel(handler);
            if (frames) {
                // only the calls local is live here (the sorter adds it); the method's own locals are not read
                visitFrame(F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
            }
            loadLocal(calls);
            visitMethodInsn(INVOKESTATIC, HOOK, "unwind", UNWIND, false);
            visitInsn(ATHROW);
        }
        super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
    }
}
