package dev.lapse.agent.instrument.classfile;

import java.nio.charset.StandardCharsets;

/**
 * Reading a class file's bytes where ASM would cost too much: the constant pool's layout and the tables after it,
 * for the scans that reject a class before anything is parsed (the registration transformer's and the call-site filter). A
 * malformed file makes these throw {@link ArrayIndexOutOfBoundsException}, which the scans take for "let the class
 * reader judge it".
 */
public final class ClassBytes {
    /** The constant pool tag of a string of modified UTF-8. */
    public static final int UTF8 = 1;

    /**
     * Where each constant pool entry starts, by index ({@code 0} for index 0 and for the unusable second index of a
     * long or a double), and where the pool ends: the class's access flags.
     */
    public record Pool(int[] entries, int end) {
        /** The tag of entry {@code i}; 0 for an index that holds none. */
        public int tag(byte[] b, int i) {
            return entries[i] == 0 ? 0 : b[entries[i]] & 0xff;
        }
    }

    private ClassBytes() {}

    /** The constant pool of class file {@code b}, or {@code null} when it holds a tag this reader does not know. */
    public static Pool pool(byte[] b) {
        int count = u2(b, 8);
        int[] entries = new int[count];
        int at = 10;
        for (int i = 1; i < count; i++) {
            entries[i] = at;
            switch (b[at] & 0xff) {
                case UTF8 -> at += 3 + u2(b, at + 1);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> at += 5; // int, float, refs, name and type, dynamic
                case 5, 6 -> { // long, double: two entries
                    at += 9;
                    i++;
                }
                case 7, 8, 16, 19, 20 -> at += 3; // class, string, method type, module, package
                case 15 -> at += 4; // method handle
                default -> {
                    return null;
                }
            }
        }
        return new Pool(entries, at);
    }

    /**
     * The string of the UTF8 entry that starts at {@code entry}. Names Lapse matches are ASCII; a name that is not
     * decodes to something no rule accepts, which is the right answer for it.
     */
    public static String utf8(byte[] b, int entry) {
        return new String(b, entry + 3, u2(b, entry + 1), StandardCharsets.UTF_8);
    }

    /** Past a fields or methods table that starts at {@code at}. */
    public static int skipMembers(byte[] b, int at) {
        int count = u2(b, at);
        at += 2;
        for (int i = 0; i < count; i++) {
            at = skipAttributes(b, at + 6); // access, name, descriptor
        }
        return at;
    }

    /** Past an attributes table that starts at {@code at}. */
    public static int skipAttributes(byte[] b, int at) {
        int attributes = u2(b, at);
        at += 2;
        for (int a = 0; a < attributes; a++) {
            at += 6 + u4(b, at + 2);
        }
        return at;
    }

    /** Past the access flags, this class, its superclass and its interfaces, from the end of the pool. */
    public static int skipHeader(byte[] b, int poolEnd) {
        int at = poolEnd + 6;
        return at + 2 + 2 * u2(b, at);
    }

    public static int u4(byte[] b, int at) {
        return (u2(b, at) << 16) | u2(b, at + 2);
    }

    public static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
