package dev.lapse.agent.instrument;

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
    private static final int UTF8 = 1;

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
            int count = u2(b, 8);
            int at = 10;
            int[] utf8 = new int[count]; // where each UTF8 entry starts, for the declared methods' names
            boolean preDestroy = false;
            boolean removes = false;
            for (int i = 1; i < count; i++) {
                int tag = b[at] & 0xff;
                int size;
                switch (tag) {
                    case UTF8 -> {
                        int length = u2(b, at + 1);
                        utf8[i] = at;
                        preDestroy |= length > 0 && b[at + 3] == 'L' && isPreDestroy(b, at + 3, length);
                        removes |= startsWith(b, at + 3, length, REMOVE);
                        size = 3 + length;
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> size = 5; // int, float, refs, name and type, dynamic
                    case 5, 6 -> { // long, double: two entries
                        size = 9;
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> size = 3; // class, string, method type, module, package
                    case 15 -> size = 4; // method handle
                    default -> {
                        return true; // a pool this reader does not know: let the class reader judge it
                    }
                }
                at += size;
            }
            if ((u2(b, at) & SKIPPED_CLASS) != 0) {
                return false;
            }
            return preDestroy || declaresInstrumented(b, at, utf8, removes);
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
     * @param at where the access flags follow the constant pool
     * @param poolRemoves whether the pool has a name beginning {@code remove}: without one, only a handle can undo an add
     */
    private boolean declaresInstrumented(byte[] b, int at, int[] utf8, boolean poolRemoves) {
        at += 6; // access, this, super
        at += 2 + 2 * u2(b, at); // interfaces
        at = skipMembers(b, at); // fields
        int count = u2(b, at);
        at += 2;
        List<String> adds = null;
        List<String> removes = null;
        for (int i = 0; i < count; i++) {
            int name = utf8[u2(b, at + 2)];
            int first = b[name + 3];
            if ((u2(b, at) & SKIPPED_METHOD) == 0 && first > 0 && initials[first]) {
                String n = utf8(b, name);
                if (names.contains(n) || NameRules.isAdd(n) || NameRules.isRemove(n)) {
                    return true;
                }
                String descriptor = utf8(b, utf8[u2(b, at + 4)]);
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
            at = skipAttributes(b, at + 6);
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

    /** Past a fields or methods table that starts at {@code at}. */
    private static int skipMembers(byte[] b, int at) {
        int count = u2(b, at);
        at += 2;
        for (int i = 0; i < count; i++) {
            at = skipAttributes(b, at + 6); // access, name, descriptor
        }
        return at;
    }

    /** Past an attributes table that starts at {@code at}. */
    private static int skipAttributes(byte[] b, int at) {
        int attributes = u2(b, at);
        at += 2;
        for (int a = 0; a < attributes; a++) {
            at += 6 + u4(b, at + 2);
        }
        return at;
    }

    private static boolean isPreDestroy(byte[] b, int start, int length) {
        return (length == PRE_DESTROY_SHORTEST || length == PRE_DESTROY_LONGEST)
                && PRE_DESTROY_DESCRIPTORS.contains(new String(b, start, length, StandardCharsets.ISO_8859_1));
    }

    private static String paramsOf(String descriptor) {
        return descriptor.substring(0, descriptor.indexOf(')') + 1);
    }

    /** Names are ASCII; a non-ASCII one decodes to something no rule accepts, which is the right answer for it. */
    private static String utf8(byte[] b, int entry) {
        return new String(b, entry + 3, u2(b, entry + 1), StandardCharsets.ISO_8859_1);
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

    private static int u4(byte[] b, int at) {
        return (u2(b, at) << 16) | u2(b, at + 2);
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
