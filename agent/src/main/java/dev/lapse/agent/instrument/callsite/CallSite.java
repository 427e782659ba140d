package dev.lapse.agent.instrument.callsite;

/**
 * One call instruction that may call a registration API, as known when its class was transformed. Names only,
 * no {@code Class}: the table of call sites lives as long as the JVM and must pin no class loader.
 *
 * @param id             the constant the rewritten caller hands to the hook; never 0 (0 means "no site")
 * @param callerClass    the binary name of the class that makes the call
 * @param callerMethod   the method that contains the call instruction
 * @param file           the source file the class was compiled from, or {@code null}
 * @param line           the line of the call instruction, or -1 when the class has no line numbers
 * @param invokedName    the name of the method the instruction calls
 * @param invokedArity   how many arguments it passes: with the name, what the registration that takes the id
 *                       must match, so an id left behind by a call that never reached an instrumented method
 *                       cannot be attributed to another one
 */
public record CallSite(
        int id, String callerClass, String callerMethod, String file, int line, String invokedName, int invokedArity) {

    /** Whether this is the site of a call to a method named {@code name} taking {@code arity} arguments. */
    public boolean precedes(String name, int arity) {
        return invokedArity == arity && invokedName.equals(name);
    }

    /** The call instruction's place, as a stack frame would show it. */
    public StackTraceElement frame() {
        return new StackTraceElement(callerClass, callerMethod, file, line);
    }
}
