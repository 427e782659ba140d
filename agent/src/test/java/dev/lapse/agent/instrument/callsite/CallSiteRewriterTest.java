package dev.lapse.agent.instrument.callsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.bootstrap.LapseHook;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class CallSiteRewriterTest {
    /** Calls the rewriter must give an id (addChangeListener) and calls it must leave alone (List.add, a getter). */
    public static final class Caller implements Runnable {
        final Bus bus = new Bus();
        final List<Object> plain = new ArrayList<>();

        @Override
        public void run() {
            plain.add("x");
            bus.addChangeListener(o -> {}); // line SITE
            bus.listeners();
        }
    }

    public static final class Bus {
        final List<Consumer<Object>> listeners = new ArrayList<>();

        public void addChangeListener(Consumer<Object> l) {
            // what the callee's advice does: take the id on entry, and the registration reads it once
            LapseHook.Calls calls = LapseHook.enter();
            listeners.add(l);
            taken.add(LapseHook.takeRegisteringSite(calls));
            callers.add(LapseHook.takeRegisteringCaller(calls));
            LapseHook.removed(calls, 0, this, Bus.class, null);
        }

        public List<Consumer<Object>> listeners() {
            return listeners;
        }

        static final List<Integer> taken = new ArrayList<>();
        static final List<Object> callers = new ArrayList<>();
    }

    private static final CallTargets TARGETS = new CallTargets() {
        @Override
        public List<String> namePrefixes() {
            return List.of("add");
        }

        @Override
        public boolean nameMayRegister(String name) {
            return name.startsWith("add") && name.endsWith("Listener");
        }

        @Override
        public boolean rewritesCallsFrom(String callerClass) {
            return true;
        }

        @Override
        public boolean mayRegister(String owner, String name, String descriptor) {
            return nameMayRegister(name);
        }

        @Override
        public boolean instrumentedLate(String owner) {
            return false;
        }
    };

    @Test
    void a_call_to_a_registration_method_gets_one_site_at_its_line_and_its_id_reaches_the_callee() throws Exception {
        CallSiteTable table = new CallSiteTable();
        byte[] rewritten = rewrite(bytesOf(Caller.class), table);
        assertEquals(1, table.size());
        CallSite site = table.get(1);
        assertEquals(Caller.class.getName(), site.callerClass());
        assertEquals("run", site.callerMethod());
        assertEquals("CallSiteRewriterTest.java", site.file());
        assertEquals(lineOf("// line SITE"), site.line());
        assertTrue(site.precedes("addChangeListener", 1));
        assertFalse(site.precedes("addChangeListener", 2));
        assertEquals(List.of("callSite", "addChangeListener", "callSiteReturned"), callsAround(rewritten));

        Bus.taken.clear();
        Bus.callers.clear();
        Runnable r = (Runnable) new Loader(Caller.class.getName(), rewritten)
                .loadClass(Caller.class.getName())
                .getDeclaredConstructor()
                .newInstance();
        r.run();
        assertEquals(List.of(1), Bus.taken, "the callee took the id its call site handed over");
        assertEquals(1, Bus.callers.size());
        assertSame(r, Bus.callers.get(0), "and the caller's this");
        LapseHook.Calls next = LapseHook.enter();
        assertEquals(0, LapseHook.takeRegisteringSite(next), "taken once");
        assertNull(LapseHook.takeRegisteringCaller(next), "taken once");
        LapseHook.unwind(next);
    }

    @Test
    void the_constant_pool_filter_passes_a_class_that_calls_a_registration_method_and_rejects_one_that_does_not()
            throws IOException {
        byte[][] prefixes = ConstantPoolFilter.prefixBytes(TARGETS);
        assertTrue(ConstantPoolFilter.mayCallRegistration(bytesOf(Caller.class), TARGETS, prefixes));
        assertFalse(ConstantPoolFilter.mayCallRegistration(bytesOf(CallSite.class), TARGETS, prefixes));
    }

    @Test
    void a_class_with_no_registration_call_is_not_rewritten() throws IOException {
        CallSiteTable table = new CallSiteTable();
        ClassReader reader = new ClassReader(bytesOf(CallSiteTable.class));
        CallSiteRewriter rewriter = new CallSiteRewriter(new ClassWriter(reader, 0), TARGETS, table);
        reader.accept(rewriter, 0);
        assertEquals(0, rewriter.rewritten());
        assertEquals(0, table.size());
    }

    @Test
    void an_id_no_registration_took_is_dropped_when_the_call_returns_and_a_nested_call_takes_none() {
        LapseHook.callSite(7, this);
        LapseHook.callSiteReturned();
        LapseHook.Calls outer = LapseHook.enter();
        assertEquals(0, LapseHook.takeRegisteringSite(outer), "the id of a call that reached no instrumented method");
        assertNull(LapseHook.takeRegisteringCaller(outer), "and its caller");
        LapseHook.removed(outer, 0, this, getClass(), null);

        LapseHook.callSite(8);
        outer = LapseHook.enter();
        LapseHook.callSite(9, this); // the outer add method calls another one
        LapseHook.Calls inner = LapseHook.enter();
        LapseHook.removed(inner, 0, this, getClass(), null);
        LapseHook.callSiteReturned();
        LapseHook.removed(outer, 0, this, getClass(), null);
        assertEquals(8, LapseHook.takeRegisteringSite(outer), "the outermost call's site");
        assertNull(LapseHook.takeRegisteringCaller(outer), "a static caller's site hands over no this");
    }

    /**
     * Constructors hand over their {@code this} once it is initialised, after {@code super(new ...)}; and a method
     * that stores into local 0 (bytecode may; Java never does) hands over no caller from there on, where loading it
     * as an object would fail verification. Both classes are loaded, so the verifier judges the rewriting.
     */
    public static class Base {
        protected Base(Object config) {}
    }

    public static final class ConstructorCaller extends Base implements Runnable {
        final Bus bus = new Bus();

        public ConstructorCaller() {
            super(new ArrayList<>());
            bus.addChangeListener(o -> {});
        }

        @Override
        public void run() {}
    }

    @Test
    void a_constructor_hands_over_its_this_once_initialised() throws Exception {
        CallSiteTable table = new CallSiteTable();
        byte[] rewritten = rewrite(bytesOf(ConstructorCaller.class), table);
        assertEquals(1, table.size());
        Bus.callers.clear();
        Object made = new Loader(ConstructorCaller.class.getName(), rewritten)
                .loadClass(ConstructorCaller.class.getName())
                .getDeclaredConstructor()
                .newInstance();
        assertEquals(1, Bus.callers.size());
        assertSame(made, Bus.callers.get(0));
    }

    @Test
    void a_method_that_reuses_local_0_hands_over_no_caller_after_the_store() throws Exception {
        String name = "dev/lapse/agent/instrument/callsite/SlotReuser";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", new String[] {"java/lang/Runnable"});
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        String bus = org.objectweb.asm.Type.getInternalName(Bus.class);
        String consumer = "(Ljava/util/function/Consumer;)V";
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        for (int i = 0; i < 2; i++) {
            run.visitTypeInsn(Opcodes.NEW, bus);
            run.visitInsn(Opcodes.DUP);
            run.visitMethodInsn(Opcodes.INVOKESPECIAL, bus, "<init>", "()V", false);
            run.visitInsn(Opcodes.ACONST_NULL);
            run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, bus, "addChangeListener", consumer, false);
            if (i == 0) {
                run.visitInsn(Opcodes.ICONST_1);
                run.visitVarInsn(Opcodes.ISTORE, 0); // local 0 holds an int from here on
            }
        }
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();

        CallSiteTable table = new CallSiteTable();
        byte[] rewritten = rewrite(cw.toByteArray(), table);
        assertEquals(2, table.size());
        Bus.callers.clear();
        Runnable r = (Runnable) new Loader(name.replace('/', '.'), rewritten)
                .loadClass(name.replace('/', '.'))
                .getDeclaredConstructor()
                .newInstance();
        r.run(); // verified and ran
        assertEquals(2, Bus.callers.size());
        assertSame(r, Bus.callers.get(0), "before the store, local 0 is this");
        assertNull(Bus.callers.get(1), "after it, nothing is handed over");
    }

    private static byte[] rewrite(byte[] bytes, CallSiteTable table) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new CallSiteRewriter(writer, TARGETS, table), 0);
        return writer.toByteArray();
    }

    /** The method calls of {@code run()}, from the hand-over to the call after it. */
    private static List<String> callsAround(byte[] bytes) {
        List<String> calls = new ArrayList<>();
        new ClassReader(bytes)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                if (!name.equals("run")) {
                                    return null;
                                }
                                return new MethodVisitor(Opcodes.ASM9) {
                                    @Override
                                    public void visitMethodInsn(
                                            int opcode, String owner, String name, String descriptor, boolean itf) {
                                        if (!calls.isEmpty() || name.equals("callSite")) {
                                            calls.add(name);
                                        }
                                    }
                                };
                            }
                        },
                        0);
        return calls.subList(0, Math.min(3, calls.size()));
    }

    private static byte[] bytesOf(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(resource(c))) {
            assertNotNull(in, c.getName());
            return in.readAllBytes();
        }
    }

    private static String resource(Class<?> c) {
        return c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
    }

    private static int lineOf(String marker) throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("src/test/java/dev/lapse/agent/instrument/callsite/CallSiteRewriterTest.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker);
    }

    /** Defines the rewritten class itself and delegates everything else (Bus, the hook) to the test's loader. */
    private static final class Loader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        Loader(String name, byte[] bytes) {
            super(CallSiteRewriterTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (className.equals(name)) {
                synchronized (getClassLoadingLock(className)) {
                    Class<?> c = findLoadedClass(className);
                    return c != null ? c : defineClass(className, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(className, resolve);
        }
    }
}
