package dev.lapse.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.fixtures.PlannerSubjects;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstantPoolScanTest {
    private final ConstantPoolScan scan = new ConstantPoolScan(Set.of("close", "dispose", "teardown"));

    /** A class that declares nothing Lapse instruments and calls nothing named like it. */
    static final class Plain {
        int sum(int a, int b) {
            return a + b;
        }
    }

    /** Only a lifecycle name given in options. */
    static final class TornDown {
        void teardown() {}
    }

    /** Only a {@code @PreDestroy} method, with a name of no family. */
    static final class Annotated {
        @javax.annotation.PreDestroy
        void bye() {}
    }

    /** Calls a lifecycle end and an add method of other objects, and declares neither. */
    static final class CallsOnly {
        void use(java.io.Closeable stream, PlannerSubjects.Subject subject) throws IOException {
            subject.addFooListener("topic", null);
            stream.close();
        }
    }

    /** Declares an add and its remove, but as an interface: the planner plans the classes that implement it. */
    interface Declares {
        void addChangeListener(Runnable listener);

        void removeChangeListener(Runnable listener);

        void close();
    }

    /** Declares them abstract: nothing to weave into. */
    abstract static class Abstract {
        abstract void addChangeListener(Runnable listener);

        abstract void close();
    }

    /** A Swing component's own teardown, a name of no family. */
    static final class Notified {
        public void removeNotify() {}
    }

    @Test
    void a_class_whose_pool_names_nothing_of_interest_is_rejected() throws IOException {
        assertFalse(scan.mayMatter(bytesOf(Plain.class)));
        assertFalse(scan.mayMatter(bytesOf(Integer.class)));
    }

    @Test
    void a_class_that_only_calls_such_methods_is_rejected() throws IOException {
        assertFalse(scan.mayMatter(bytesOf(CallsOnly.class)));
    }

    @Test
    void interfaces_and_abstract_methods_are_rejected_as_the_planner_rejects_them() throws IOException {
        assertFalse(scan.mayMatter(bytesOf(Declares.class)));
        assertFalse(scan.mayMatter(bytesOf(Abstract.class)));
    }

    @Test
    void a_name_given_to_the_scan_is_kept_whatever_its_family() throws IOException {
        assertFalse(scan.mayMatter(bytesOf(Notified.class)));
        assertTrue(new ConstantPoolScan(Set.of("removeNotify")).mayMatter(bytesOf(Notified.class)));
    }

    @Test
    void add_and_remove_families_lifecycle_names_and_pre_destroy_are_kept() throws IOException {
        assertTrue(scan.mayMatter(bytesOf(PlannerSubjects.Subject.class)));
        assertTrue(scan.mayMatter(bytesOf(TornDown.class)));
        assertTrue(scan.mayMatter(bytesOf(Annotated.class)));
        assertTrue(scan.mayMatter(bytesOf(java.beans.PropertyChangeSupport.class)));
    }

    @Test
    void a_pool_it_cannot_read_is_left_to_the_class_reader() {
        assertTrue(scan.mayMatter(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9}));
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        ClassLoader loader =
                type.getClassLoader() == null ? ClassLoader.getPlatformClassLoader() : type.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
