package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.it.support.ForkedJvm;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The registration path reads the owner's and the listener's fields through the JVM's internal {@code Unsafe}
 * (agent/reflect/FieldReader), which the agent reaches by exporting a package of {@code java.base} to itself. This
 * runs on the JDK the forked tests use (17 and 25 in CI): the reads are the fast ones there, a lambda's captured
 * field (a hidden class's, which {@code sun.misc.Unsafe} refuses) included, the values are right, and the JVM prints no
 * warning (JDK 24 and later warn about {@code sun.misc.Unsafe}'s memory access).
 */
class FieldReadsIT {

    /** Reads a plain field and a lambda's captured field through the agent's reader, and prints what it saw. */
    public static final class Reads {
        final Object plain = "plain value";

        public static void main(String[] args) throws Exception {
            Class<?> reader = Class.forName("dev.lapse.agent.reflect.FieldReader");
            Method of = reader.getMethod("of", Field.class);
            Method read = reader.getMethod("read", Object.class);
            Method fast = reader.getDeclaredMethod("fast");
            fast.setAccessible(true);

            Field plainField = Reads.class.getDeclaredField("plain");
            Object plainReader = of.invoke(null, plainField);
            Object captured = new Object();
            Runnable lambda = () -> captured.hashCode();
            Field link = lambda.getClass().getDeclaredField("arg$1");
            link.setAccessible(true);
            Object linkReader = of.invoke(null, link);

            System.out.println("plain " + fast.invoke(plainReader) + " " + read.invoke(plainReader, new Reads()));
            System.out.println(
                    "lambda " + fast.invoke(linkReader) + " " + (read.invoke(linkReader, lambda) == captured));
        }
    }

    @Test
    void field_reads_go_through_the_fast_door_with_the_right_values_and_no_warning() {
        ForkedJvm.Result r = ForkedJvm.main(Reads.class).run().assertSuccess();
        assertTrue(r.stdout.contains("plain true plain value"), r.toString());
        assertTrue(r.stdout.contains("lambda true true"), r.toString());
        assertFalse(r.stderr.contains("WARNING"), "the JVM warned\n" + r);
    }
}
