package dev.lapse.agent.instrument.callsite;

import java.util.Set;

/**
 * The methods of one class file whose code may call a registration API, found by {@link ConstantPoolFilter} before
 * the class is parsed: only these are read and rewritten instruction by instruction; every other method's code is
 * copied to the new class file as it is, without being decoded.
 */
final class CallingMethods {
    /** No method may call one: the class is left as it is. */
    static final CallingMethods NONE = new CallingMethods(Set.of(), false);

    /** Every method may (a class file the filter could not read): the rewriter judges each instruction. */
    static final CallingMethods ALL = new CallingMethods(Set.of(), true);

    private final Set<String> methods;
    private final boolean all;

    private CallingMethods(Set<String> methods, boolean all) {
        this.methods = methods;
        this.all = all;
    }

    /** @param methods each method as its name followed by its descriptor */
    static CallingMethods of(Set<String> methods) {
        return methods.isEmpty() ? NONE : new CallingMethods(Set.copyOf(methods), false);
    }

    boolean isEmpty() {
        return !all && methods.isEmpty();
    }

    boolean includes(String name, String descriptor) {
        return all || methods.contains(name + descriptor);
    }
}
