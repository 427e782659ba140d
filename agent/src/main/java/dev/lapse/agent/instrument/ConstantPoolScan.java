package dev.lapse.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides from a class file's constant pool alone whether the class may declare a method Lapse instruments: every
 * method a class declares has its name in the pool, so a class whose pool holds no add, remove, lifecycle or
 * handle-closing name and no {@code @PreDestroy} is rejected before anything is parsed or loaded. One pass over
 * the pool; a string is built only for the entries whose first byte could begin such a name. A pool with names
 * beginning {@code add} but no family name has its methods table read too, for a pair outside the families or such
 * an add returning a handle ({@link UnnamedPairs}).
 */
final class ConstantPoolScan {
    private static final int UTF8 = 1;

    /** The first letters of the name families' verbs ({@link NameRules#isAdd}, {@link NameRules#isRemove}). */
    private static final String FAMILY_INITIALS = "ardsu";

    private static final byte[] ADD = "add".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] REMOVE = "remove".getBytes(StandardCharsets.ISO_8859_1);

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
            int[] utf8 = new int[count]; // where each UTF8 entry starts, for the declared methods' names
            boolean adds = false;
            boolean removes = false;
            for (int i = 1; i < count; i++) {
                int tag = b[at] & 0xff;
                int size;
                switch (tag) {
                    case UTF8 -> {
                        int length = u2(b, at + 1);
                        if (length > 0 && matters(b, at + 3, length)) {
                            return true;
                        }
                        utf8[i] = at;
                        adds |= startsWith(b, at + 3, length, ADD);
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
            return adds && declaresUnnamedAdd(b, at, utf8, removes);
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return true;
        }
    }

    /**
     * Whether the class declares an {@code add}+rest of one reference parameter and the {@code remove}+rest of the
     * same descriptor, or such an add that returns an object, which may be a handle ({@link UnnamedPairs}): read from
     * the methods table, skipping the fields and every attribute by its length, so only the declared methods' names
     * are decoded. Most classes that call a collection's {@code add} declare neither.
     *
     * @param poolRemoves whether the pool has a name beginning {@code remove}: without one, only a handle can undo an add
     */
    private static boolean declaresUnnamedAdd(byte[] b, int at, int[] utf8, boolean poolRemoves) {
        at += 6; // access, this, super
        at += 2 + 2 * u2(b, at); // interfaces
        for (int table = 0; table < 2; table++) { // fields, then methods
            int count = u2(b, at);
            at += 2;
            List<String> adds = null;
            List<String> removes = null;
            for (int i = 0; i < count; i++) {
                if (table == 1) {
                    String name = utf8(b, utf8[u2(b, at + 2)]);
                    String descriptor = utf8(b, utf8[u2(b, at + 4)]);
                    if (UnnamedPairs.mayBeAdd(name, descriptor)) {
                        if (UnnamedPairs.mayReturnHandle(descriptor)) {
                            return true;
                        }
                        adds = adds == null ? new ArrayList<>() : adds;
                        adds.add(UnnamedPairs.removeName(name) + paramsOf(descriptor));
                    } else if (poolRemoves && name.startsWith("remove")) {
                        removes = removes == null ? new ArrayList<>() : removes;
                        removes.add(name + paramsOf(descriptor));
                    }
                }
                int attributes = u2(b, at + 6);
                at += 8;
                for (int a = 0; a < attributes; a++) {
                    at += 6 + u4(b, at + 2);
                }
            }
            if (table == 1) {
                if (adds != null && removes != null) {
                    for (String wanted : adds) {
                        if (removes.contains(wanted)) {
                            return true;
                        }
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static String paramsOf(String descriptor) {
        return descriptor.substring(0, descriptor.indexOf(')') + 1);
    }

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
