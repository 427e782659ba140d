package dev.lapse.agent.instrument.callsite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decides from a class file's constant pool alone whether the class may call a registration API: only a class
 * whose pool has a method name the {@link CallTargets} accept is parsed any further. One pass over the pool,
 * no string built for names that cannot match (their first byte rules most out), nothing loaded.
 */
final class ConstantPoolFilter {
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    private ConstantPoolFilter() {}

    /** {@link CallTargets#namePrefixes()} as the bytes the filter compares. */
    static byte[][] prefixBytes(CallTargets targets) {
        return targets.namePrefixes().stream()
                .map(p -> p.getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new);
    }

    /**
     * Whether some name-and-type entry of the pool names a method {@code targets} may count as a registration;
     * {@code prefixes} are {@link #prefixBytes} of the same targets.
     * A malformed pool answers {@code true}: the class reader that follows reports it properly.
     */
    static boolean mayCallRegistration(byte[] b, CallTargets targets, byte[][] prefixes) {
        try {
            int count = u2(b, 8);
            int[] utf8At = new int[count];
            int[] natNames = new int[count];
            int nats = 0;
            int at = 10;
            for (int i = 1; i < count; i++) {
                int tag = b[at] & 0xff;
                switch (tag) {
                    case UTF8:
                        utf8At[i] = at;
                        at += 3 + u2(b, at + 1);
                        break;
                    case NAME_AND_TYPE:
                        natNames[nats++] = u2(b, at + 1);
                        at += 5;
                        break;
                    case INTEGER, FLOAT, FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF, DYNAMIC, INVOKE_DYNAMIC:
                        at += 5;
                        break;
                    case LONG, DOUBLE:
                        at += 9;
                        i++; // takes two entries
                        break;
                    case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE:
                        at += 3;
                        break;
                    case METHOD_HANDLE:
                        at += 4;
                        break;
                    default:
                        return true;
                }
            }
            for (int n = 0; n < nats; n++) {
                int u = utf8At[natNames[n]];
                if (u != 0 && startsWithAny(b, u, prefixes) && targets.nameMayRegister(utf8(b, u))) {
                    return true;
                }
            }
            return false;
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return true;
        }
    }

    /** Whether the name at {@code utf8} starts with one of {@code prefixes}, compared byte by byte. */
    private static boolean startsWithAny(byte[] b, int utf8, byte[][] prefixes) {
        int length = u2(b, utf8 + 1);
        for (byte[] p : prefixes) {
            if (length >= p.length && Arrays.equals(b, utf8 + 3, utf8 + 3 + p.length, p, 0, p.length)) {
                return true;
            }
        }
        return false;
    }

    private static String utf8(byte[] b, int at) {
        // names of registration methods are ASCII; a modified-UTF-8 name that is not decodes to something no rule
        // accepts, which is the right answer for it
        return new String(b, at + 3, u2(b, at + 1), StandardCharsets.UTF_8);
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
