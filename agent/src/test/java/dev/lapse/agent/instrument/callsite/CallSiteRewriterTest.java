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
    void the_filter_names_the_methods_that_call_a_registration_method_and_rejects_a_class_that_calls_none()
            throws IOException {
        CallingMethods calling = calling(bytesOf(Caller.class));
        assertTrue(calling.includes("run", "()V"));
        assertFalse(calling.includes("<init>", "()V"), "the constructor adds to a list, and registers nothing");
        assertTrue(calling(bytesOf(CallSite.class)).isEmpty());
    }

    /** One method registers; the other, larger, only adds to collections and must reach the new class file as it was. */
    public static final class TwoMethods implements Runnable {
        final Bus bus = new Bus();
        final List<Object> plain = new ArrayList<>();

        @Override
        public void run() {
            bus.addChangeListener(o -> {});
        }

        public int fill(int n) {
            for (int i = 0; i < n; i++) {
                plain.add(i % 3 == 0 ? "x" : Integer.valueOf(i));
            }
            return plain.size();
        }
    }

    @Test
    void a_method_that_calls_no_registration_method_is_copied_byte_for_byte() throws Exception {
        byte[] original = bytesOf(TwoMethods.class);
        byte[] rewritten = rewrite(original, new CallSiteTable());
        assertTrue(codeOf(rewritten, "fill").length > 0);
        assertTrue(java.util.Arrays.equals(codeOf(original, "fill"), codeOf(rewritten, "fill")));
        assertFalse(java.util.Arrays.equals(codeOf(original, "run"), codeOf(rewritten, "run")));
        Runnable r = (Runnable) new Loader(TwoMethods.class.getName(), rewritten)
                .loadClass(TwoMethods.class.getName())
                .getDeclaredConstructor()
                .newInstance();
        r.run(); // verified and ran
    }

    @Test
    void a_class_with_no_registration_call_is_not_rewritten() throws IOException {
        CallSiteTable table = new CallSiteTable();
        ClassReader reader = new ClassReader(bytesOf(CallSiteTable.class));
        CallSiteRewriter rewriter =
                new CallSiteRewriter(new ClassWriter(reader, 0), TARGETS, table, CallingMethods.ALL);
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

    /** What the transformer does: the filter picks the methods, the rewriter rewrites them. */
    private static byte[] rewrite(byte[] bytes, CallSiteTable table) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new CallSiteRewriter(writer, TARGETS, table, calling(bytes)), 0);
        return writer.toByteArray();
    }

    private static CallingMethods calling(byte[] bytes) {
        return ConstantPoolFilter.methodsCalling(bytes, TARGETS, ConstantPoolFilter.prefixBytes(TARGETS));
    }

    /** The bytes of the Code attribute of the method {@code name}, as the class file holds them. */
    private static byte[] codeOf(byte[] classFile, String name) {
        ClassReader r = new ClassReader(classFile);
        char[] buffer = new char[r.getMaxStringLength()];
        int at = r.header + 6;
        at += 2 + 2 * r.readUnsignedShort(at); // interfaces
        for (int table = 0; table < 2; table++) { // fields, then methods
            int members = r.readUnsignedShort(at);
            at += 2;
            for (int m = 0; m < members; m++) {
                String member = r.readUTF8(at + 2, buffer);
                int attributes = r.readUnsignedShort(at + 6);
                at += 8;
                for (int a = 0; a < attributes; a++) {
                    int length = r.readInt(at + 2);
                    if (table == 1
                            && member.equals(name)
                            && r.readUTF8(at, buffer).equals("Code")) {
                        return java.util.Arrays.copyOfRange(classFile, at + 6, at + 6 + length);
                    }
                    at += 6 + length;
                }
            }
        }
        throw new AssertionError("no method " + name);
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
