package dev.lapse.agent.instrument;

import static dev.lapse.agent.instrument.classfile.ClassBytes.u2;

import dev.lapse.agent.instrument.classfile.ClassBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Decides from a class file's bytes alone, before anything is parsed or loaded, whether the class may declare a
 * method Lapse instruments. The planner ({@link MethodPlanner}) plans only the methods a class declares, never an
 * interface's nor a synthetic class's, and skips abstract, native, bridge and synthetic methods: so this reads the
 * constant pool once, to find where its strings are, then the class's access flags and the names of the methods
 * it declares, and keeps the class only if one of them is an add, remove, lifecycle or handle-closing name, or an
 * add outside the name families ({@link UnnamedPairs}), or if the pool names {@code @PreDestroy}. A class that only
 * calls such methods (a stream's {@code close()}, a list's {@code add}) is rejected: the pool names every method a
 * class calls, and most classes call some of them. A string is built only for a declared name whose first letter
 * could begin one that matters.
 */
final class ConstantPoolScan {
    /** The first letters of the name families' verbs ({@link NameRules#isAdd}, {@link NameRules#isRemove}). */
    private static final String FAMILY_INITIALS = "ardsu";

    /** What the planner never plans, of a class ({@code MethodPlanner#plan}) and of a method. */
    private static final int SKIPPED_CLASS = Opcodes.ACC_INTERFACE | Opcodes.ACC_SYNTHETIC;

    private static final int SKIPPED_METHOD =
            Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC;

    private static final byte[] REMOVE = "remove".getBytes(StandardCharsets.ISO_8859_1);

    private static final Set<String> PRE_DESTROY_DESCRIPTORS =
            Set.of("Ljavax/annotation/PreDestroy;", "Ljakarta/annotation/PreDestroy;");

    /** The lengths of those two descriptors: most descriptors of the pool are ruled out by their length alone. */
    private static final int PRE_DESTROY_SHORTEST = "Ljavax/annotation/PreDestroy;".length();

    private static final int PRE_DESTROY_LONGEST = "Ljakarta/annotation/PreDestroy;".length();

    private final Set<String> names;
    private final boolean[] initials = new boolean[128];

    /** @param names the exact method names that matter besides the name families: lifecycle ends, handle closes */
    ConstantPoolScan(Set<String> names) {
        this.names = names;
        for (char c : FAMILY_INITIALS.toCharArray()) {
            initials[c] = true;
        }
        for (String n : names) {
            if (!n.isEmpty() && n.charAt(0) < 128) {
                initials[n.charAt(0)] = true;
            }
        }
    }

    /** Whether the class may declare an instrumented method; {@code true} for a class file it cannot read. */
    boolean mayMatter(byte[] b) {
        try {
            ClassBytes.Pool pool = ClassBytes.pool(b);
            if (pool == null) {
                return true; // a pool this reader does not know: let the class reader judge it
            }
            if ((u2(b, pool.end()) & SKIPPED_CLASS) != 0) {
                return false;
            }
            boolean removes = false;
            int[] entries = pool.entries();
            for (int i = 1; i < entries.length; i++) {
                if (pool.tag(b, i) == ClassBytes.UTF8) {
                    int at = entries[i];
                    int length = u2(b, at + 1);
                    if (length > 0 && b[at + 3] == 'L' && isPreDestroy(b, at + 3, length)) {
                        return true;
                    }
                    removes |= startsWith(b, at + 3, length, REMOVE);
                }
            }
            return declaresInstrumented(b, pool, removes);
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return true;
        }
    }

    /**
     * Whether a method the class declares has a name that matters, or is an {@code add}+rest of one reference
     * parameter paired with the {@code remove}+rest of the same descriptor, or such an add that returns an object,
     * which may be a handle ({@link UnnamedPairs}). Read from the methods table, skipping the fields and every
     * attribute by its length, so only the declared methods' names are decoded.
     *
     * @param poolRemoves whether the pool has a name beginning {@code remove}: without one, only a handle can undo an add
     */
    private boolean declaresInstrumented(byte[] b, ClassBytes.Pool pool, boolean poolRemoves) {
        int[] entries = pool.entries();
        int at = ClassBytes.skipMembers(b, ClassBytes.skipHeader(b, pool.end())); // past the fields
        int count = u2(b, at);
        at += 2;
        List<String> adds = null;
        List<String> removes = null;
        for (int i = 0; i < count; i++) {
            int name = entries[u2(b, at + 2)];
            int first = b[name + 3];
            if ((u2(b, at) & SKIPPED_METHOD) == 0 && first > 0 && initials[first]) {
                String n = ClassBytes.utf8(b, name);
                if (names.contains(n) || NameRules.isAdd(n) || NameRules.isRemove(n)) {
                    return true;
                }
                String descriptor = ClassBytes.utf8(b, entries[u2(b, at + 4)]);
                if (UnnamedPairs.mayBeAdd(n, descriptor)) {
                    if (UnnamedPairs.mayReturnHandle(descriptor)) {
                        return true;
                    }
                    adds = adds == null ? new ArrayList<>() : adds;
                    adds.add(UnnamedPairs.removeName(n) + paramsOf(descriptor));
                } else if (poolRemoves && n.startsWith("remove")) {
                    removes = removes == null ? new ArrayList<>() : removes;
                    removes.add(n + paramsOf(descriptor));
                }
            }
            at = ClassBytes.skipAttributes(b, at + 6);
        }
        if (adds != null && removes != null) {
            for (String wanted : adds) {
                if (removes.contains(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPreDestroy(byte[] b, int start, int length) {
        return (length == PRE_DESTROY_SHORTEST || length == PRE_DESTROY_LONGEST)
                && PRE_DESTROY_DESCRIPTORS.contains(new String(b, start, length, StandardCharsets.ISO_8859_1));
    }

    private static String paramsOf(String descriptor) {
        return descriptor.substring(0, descriptor.indexOf(')') + 1);
    }

    private static boolean startsWith(byte[] b, int start, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
