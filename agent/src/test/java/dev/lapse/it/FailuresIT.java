package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Failures;
import dev.lapse.it.scenario.Subjects;
import dev.lapse.it.support.ForkedJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the agent could not do is in the report, never lost: a class it failed to instrument, and a hook call that
 * failed, each counted in the JSON stats, said in the text summary and in a note, and logged once. Methods count as
 * instrumented only once their class was transformed.
 */
class FailuresIT {
    private static final String GENERATED = "dev.lapse.it.scenario.generated.";
    /** Bytes of code the add method of {@code TooLarge} has: legal, but no room is left for the advice. */
    private static final int ALMOST_64K = 65_530;

    @TempDir
    Path classes;

    @Test
    void a_class_that_cannot_be_instrumented_and_a_failing_hook_are_counted_and_reported() throws IOException {
        writeSubject("Fits", 0);
        writeSubject("TooLarge", ALMOST_64K);
        ForkedJvm.Result fits = run(GENERATED + "Fits");
        ForkedJvm.Result failed = run(GENERATED + "Fits", GENERATED + "TooLarge");

        assertEquals("listeners 1", failed.stdout.strip(), "the application sees nothing of either\n" + failed);
        JsonValue stats = failed.json().get("stats");
        assertEquals(1, stats.get("transformErrors").number(), failed.text());
        assertEquals(1, stats.get("hookErrors").number(), failed.text());
        assertEquals(0, fits.json().get("stats.transformErrors").number(), fits.text());
        assertEquals(
                fits.json().get("stats.instrumentedMethods").number(),
                stats.get("instrumentedMethods").number(),
                "the add and remove methods planned for TooLarge were never instrumented\n" + failed.text());

        assertTrue(failed.text().contains("hook errors 1; transform errors 1."), failed.text());
        assertTrue(!fits.text().contains("transform errors"), "said only when a class failed\n" + fits.text());
        List<String> notes = failed.json().get("notes").list().stream()
                .map(JsonValue::string)
                .collect(Collectors.toList());
        assertTrue(notes.contains("1 hook failure(s) were swallowed; the first is in the log."), notes.toString());
        assertTrue(
                notes.contains("1 class(es) could not be instrumented, so registrations through them are not seen;"
                        + " the first failure is in the log."),
                notes.toString());
        assertTrue(failed.stderr.contains("could not instrument " + GENERATED + "TooLarge"), failed.stderr);
        assertTrue(failed.stderr.contains("a registration hook failed"), failed.stderr);
    }

    private ForkedJvm.Result run(String... load) {
        return ForkedJvm.main(Failures.class, ForkedJvm.testClasses() + File.pathSeparator + classes)
                .args(load)
                .run()
                .assertSuccess();
    }

    /**
     * A subject with an add/remove pair of {@link Subjects.ChangeListener}, whose add method starts with
     * {@code padding} bytes of {@code nop}.
     */
    private void writeSubject(String simpleName, int padding) throws IOException {
        String name = (GENERATED + simpleName).replace('.', '/');
        String listener = "(L" + Subjects.ChangeListener.class.getName().replace('.', '/') + ";)V";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        for (String method : new String[] {"addChangeListener", "removeChangeListener"}) {
            MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC, method, listener, null, null);
            m.visitCode();
            for (int i = 0; method.startsWith("add") && i < padding; i++) {
                m.visitInsn(Opcodes.NOP);
            }
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        cw.visitEnd();
        Path file = classes.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, cw.toByteArray());
    }
}
