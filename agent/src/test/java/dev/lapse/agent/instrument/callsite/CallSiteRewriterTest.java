package dev.lapse.agent.instrument.callsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
            int[] depth = LapseHook.enter();
            listeners.add(l);
            taken.add(LapseHook.takeRegisteringSite(depth));
            LapseHook.removed(depth, 0, this, Bus.class, null);
        }

        public List<Consumer<Object>> listeners() {
            return listeners;
        }

        static final List<Integer> taken = new ArrayList<>();
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
        Runnable r = (Runnable) new Loader(Caller.class.getName(), rewritten)
                .loadClass(Caller.class.getName())
                .getDeclaredConstructor()
                .newInstance();
        r.run();
        assertEquals(List.of(1), Bus.taken, "the callee took the id its call site handed over");
        int[] next = LapseHook.enter();
        assertEquals(0, LapseHook.takeRegisteringSite(next), "taken once");
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
        LapseHook.callSite(7);
        LapseHook.callSiteReturned();
        int[] outer = LapseHook.enter();
        assertEquals(0, LapseHook.takeRegisteringSite(outer), "the id of a call that reached no instrumented method");
        LapseHook.removed(outer, 0, this, getClass(), null);

        LapseHook.callSite(8);
        outer = LapseHook.enter();
        LapseHook.callSite(9); // the outer add method calls another one
        int[] inner = LapseHook.enter();
        LapseHook.removed(inner, 0, this, getClass(), null);
        LapseHook.callSiteReturned();
        LapseHook.removed(outer, 0, this, getClass(), null);
        assertEquals(8, LapseHook.takeRegisteringSite(outer), "the outermost call's site");
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
