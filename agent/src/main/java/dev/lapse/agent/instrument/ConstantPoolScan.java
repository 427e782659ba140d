package dev.lapse.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Decides from a class file's constant pool alone whether the class may declare a method Lapse instruments: every
 * method a class declares has its name in the pool, so a class whose pool holds no add, remove, lifecycle or
 * handle-closing name and no {@code @PreDestroy} is rejected before anything is parsed or loaded. One pass over
 * the pool; a string is built only for the entries whose first byte could begin such a name.
 */
final class ConstantPoolScan {
    private static final int UTF8 = 1;

    /** The first letters of the name families' verbs ({@link NameRules#isAdd}, {@link NameRules#isRemove}). */
    private static final String FAMILY_INITIALS = "ardsu";

    private static final Set<String> PRE_DESTROY_DESCRIPTORS =
            Set.of("Ljavax/annotation/PreDestroy;", "Ljakarta/annotation/PreDestroy;");

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
        initials['L'] = true;
    }

    /** Whether the class may declare an instrumented method; {@code true} for a pool it cannot read. */
    boolean mayMatter(byte[] b) {
        try {
            int count = u2(b, 8);
            int at = 10;
            for (int i = 1; i < count; i++) {
                int tag = b[at] & 0xff;
                int size;
                switch (tag) {
                    case UTF8 -> {
                        int length = u2(b, at + 1);
                        if (length > 0 && matters(b, at + 3, length)) {
                            return true;
                        }
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
            return false;
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return true;
        }
    }

    private boolean matters(byte[] b, int start, int length) {
        int first = b[start];
        if (first < 0 || !initials[first]) {
            return false;
        }
        // names are ASCII; a non-ASCII one decodes to something no rule accepts, which is the right answer for it
        String s = new String(b, start, length, StandardCharsets.ISO_8859_1);
        if (first == 'L') {
            return PRE_DESTROY_DESCRIPTORS.contains(s) || names.contains(s);
        }
        return names.contains(s) || NameRules.isAdd(s) || NameRules.isRemove(s);
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
