package dev.lapse.agent.instrument.callsite;

import static dev.lapse.agent.instrument.classfile.ClassBytes.u2;
import static dev.lapse.agent.instrument.classfile.ClassBytes.u4;
import static dev.lapse.agent.instrument.classfile.ClassBytes.utf8;

import dev.lapse.agent.instrument.classfile.ClassBytes;
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
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;
    private static final int METHOD_HANDLE = 15;
    private static final int INVOKE_DYNAMIC = 18;

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
            ClassBytes.Pool pool = ClassBytes.pool(b);
            if (pool == null) {
                return CallingMethods.ALL;
            }
            boolean[] called = calledTargets(b, pool, targets, prefixes);
            if (called == null) {
                return CallingMethods.NONE;
            }
            return CallingMethods.of(methodsUsing(b, pool, called));
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return CallingMethods.ALL;
        }
    }

    /**
     * Which pool entries a call instruction that may register names: the method references {@code targets} accept
     * and, when a method handle points at one of a late class, every invokedynamic entry (a method reference made
     * there is rewritten too). {@code null} when there is none.
     */
    private static boolean[] calledTargets(byte[] b, ClassBytes.Pool pool, CallTargets targets, byte[][] prefixes) {
        int[] entry = pool.entries();
        boolean[] called = null;
        for (int i = 1; i < entry.length; i++) {
            int tag = pool.tag(b, i);
            if (tag != METHOD_REF && tag != INTERFACE_METHOD_REF) {
                continue;
            }
            int at = entry[i];
            int nameAndType = entry[u2(b, at + 3)];
            int name = entry[u2(b, nameAndType + 1)];
            if (!startsWithAny(b, name, prefixes)) {
                continue;
            }
            String owner = utf8(b, entry[u2(b, entry[u2(b, at + 1)] + 1)]);
            if (targets.mayRegister(owner, utf8(b, name), utf8(b, entry[u2(b, nameAndType + 3)]))) {
                called = called == null ? new boolean[entry.length] : called;
                called[i] = true;
            }
        }
        if (called != null) {
            markInvokeDynamicIfLateHandle(b, pool, targets, called);
        }
        return called;
    }

    private static void markInvokeDynamicIfLateHandle(
            byte[] b, ClassBytes.Pool pool, CallTargets targets, boolean[] called) {
        int[] entry = pool.entries();
        for (int i = 1; i < entry.length; i++) {
            if (pool.tag(b, i) != METHOD_HANDLE) {
                continue;
            }
            int ref = u2(b, entry[i] + 2);
            if (called[ref] && targets.instrumentedLate(utf8(b, entry[u2(b, entry[u2(b, entry[ref] + 1)] + 1)]))) {
                for (int k = 1; k < entry.length; k++) {
                    if (pool.tag(b, k) == INVOKE_DYNAMIC) {
                        called[k] = true;
                    }
                }
                return;
            }
        }
    }

    /** The name and descriptor of each method whose code holds a call instruction naming a {@code called} entry. */
    private static Set<String> methodsUsing(byte[] b, ClassBytes.Pool pool, boolean[] called) {
        int[] entry = pool.entries();
        int at = ClassBytes.skipMembers(b, ClassBytes.skipHeader(b, pool.end())); // past the fields
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
}
