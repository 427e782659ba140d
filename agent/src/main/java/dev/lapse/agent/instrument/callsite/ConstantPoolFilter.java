package dev.lapse.agent.instrument.callsite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds from a class file's bytes alone which of its methods may call a registration API, before anything is
 * parsed or loaded. One pass over the constant pool marks the method references the {@link CallTargets} accept (a
 * name's first bytes rule most out before any string is built); a class with none is rejected. Then the code of
 * each method is searched for a call instruction that names a marked reference: only those methods are given to
 * the {@link CallSiteRewriter}, and the rest are copied unread. The search matches the instruction's bytes without
 * decoding the instructions around it, so it may keep a method whose other bytes happen to look like such a call
 * (it is then read and left as it was), but it never leaves out one that makes the call.
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

    /** The call instructions the rewriter gives an id ({@code invokespecial} never calls a registration API). */
    private static final int INVOKEVIRTUAL = 0xb6;

    private static final int INVOKESTATIC = 0xb8;
    private static final int INVOKEINTERFACE = 0xb9;
    private static final int INVOKEDYNAMIC = 0xba;

    private static final byte[] CODE = "Code".getBytes(StandardCharsets.US_ASCII);

    private ConstantPoolFilter() {}

    /** {@link CallTargets#namePrefixes()} as the bytes the filter compares. */
    static byte[][] prefixBytes(CallTargets targets) {
        return targets.namePrefixes().stream()
                .map(p -> p.getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new);
    }

    /**
     * The methods whose code may call a method {@code targets} count as a registration, or make a method reference
     * to a late class's registration method ({@link CallTargets#instrumentedLate}); {@code prefixes} are
     * {@link #prefixBytes} of the same targets. A class file it cannot read answers {@link CallingMethods#ALL}: the
     * class reader that follows reports it properly.
     */
    static CallingMethods methodsCalling(byte[] b, CallTargets targets, byte[][] prefixes) {
        try {
            int count = u2(b, 8);
            int[] entry = new int[count]; // where each entry starts
            int at = 10;
            boolean refs = false;
            for (int i = 1; i < count; i++) {
                entry[i] = at;
                int tag = b[at] & 0xff;
                switch (tag) {
                    case UTF8:
                        at += 3 + u2(b, at + 1);
                        break;
                    case METHOD_REF, INTERFACE_METHOD_REF:
                        refs = true;
                        at += 5;
                        break;
                    case INTEGER, FLOAT, FIELD_REF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC:
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
                        return CallingMethods.ALL;
                }
            }
            boolean[] called = refs ? calledTargets(b, entry, targets, prefixes) : null;
            if (called == null) {
                return CallingMethods.NONE;
            }
            return CallingMethods.of(methodsUsing(b, at, entry, called));
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return CallingMethods.ALL;
        }
    }

    /**
     * Which pool entries a call instruction that may register names: the method references {@code targets} accept
     * and, when a method handle points at one of a late class, every invokedynamic entry (a method reference made
     * there is rewritten too). {@code null} when there is none.
     */
    private static boolean[] calledTargets(byte[] b, int[] entry, CallTargets targets, byte[][] prefixes) {
        int count = entry.length;
        boolean[] called = null;
        for (int i = 1; i < count; i++) {
            int at = entry[i];
            int tag = at == 0 ? 0 : b[at] & 0xff;
            if (tag != METHOD_REF && tag != INTERFACE_METHOD_REF) {
                continue;
            }
            int nameAndType = entry[u2(b, at + 3)];
            int name = entry[u2(b, nameAndType + 1)];
            if (!startsWithAny(b, name, prefixes)) {
                continue;
            }
            String owner = utf8(b, entry[u2(b, entry[u2(b, at + 1)] + 1)]);
            if (targets.mayRegister(owner, utf8(b, name), utf8(b, entry[u2(b, nameAndType + 3)]))) {
                called = called == null ? new boolean[count] : called;
                called[i] = true;
            }
        }
        if (called != null) {
            markInvokeDynamicIfLateHandle(b, entry, targets, called);
        }
        return called;
    }

    private static void markInvokeDynamicIfLateHandle(byte[] b, int[] entry, CallTargets targets, boolean[] called) {
        for (int i = 1; i < entry.length; i++) {
            int at = entry[i];
            if (at != 0 && (b[at] & 0xff) == METHOD_HANDLE) {
                int ref = u2(b, at + 2);
                if (called[ref] && targets.instrumentedLate(utf8(b, entry[u2(b, entry[u2(b, entry[ref] + 1)] + 1)]))) {
                    for (int k = 1; k < entry.length; k++) {
                        if (entry[k] != 0 && (b[entry[k]] & 0xff) == INVOKE_DYNAMIC) {
                            called[k] = true;
                        }
                    }
                    return;
                }
            }
        }
    }

    /**
     * The name and descriptor of each method whose code holds a call instruction naming a {@code called} entry.
     *
     * @param at where the access flags follow the constant pool
     */
    private static Set<String> methodsUsing(byte[] b, int at, int[] entry, boolean[] called) {
        at += 6; // access, this, super
        at += 2 + 2 * u2(b, at); // interfaces
        int fields = u2(b, at);
        at += 2;
        for (int i = 0; i < fields; i++) {
            at = skipAttributes(b, at + 6);
        }
        int methods = u2(b, at);
        at += 2;
        Set<String> using = new HashSet<>();
        for (int i = 0; i < methods; i++) {
            int attributes = u2(b, at + 6);
            int a = at + 8;
            for (int k = 0; k < attributes; k++) {
                int length = u4(b, a + 2);
                if (isCode(b, entry[u2(b, a)]) && callsAny(b, a + 14, u4(b, a + 10), called)) {
                    using.add(utf8(b, entry[u2(b, at + 2)]) + utf8(b, entry[u2(b, at + 4)]));
                }
                a += 6 + length;
            }
            at = a;
        }
        return using;
    }

    /** Whether the {@code length} bytes of code at {@code code} hold a call that names a {@code called} entry. */
    private static boolean callsAny(byte[] b, int code, int length, boolean[] called) {
        for (int i = code, end = code + length - 2; i < end; i++) {
            int op = b[i] & 0xff;
            if (op == INVOKEVIRTUAL || op == INVOKESTATIC || op == INVOKEINTERFACE || op == INVOKEDYNAMIC) {
                int index = u2(b, i + 1);
                if (index < called.length && called[index]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isCode(byte[] b, int utf8) {
        return u2(b, utf8 + 1) == CODE.length
                && Arrays.equals(b, utf8 + 3, utf8 + 3 + CODE.length, CODE, 0, CODE.length);
    }

    private static int skipAttributes(byte[] b, int at) {
        int attributes = u2(b, at);
        at += 2;
        for (int a = 0; a < attributes; a++) {
            at += 6 + u4(b, at + 2);
        }
        return at;
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

    private static int u4(byte[] b, int at) {
        return (u2(b, at) << 16) | u2(b, at + 2);
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
