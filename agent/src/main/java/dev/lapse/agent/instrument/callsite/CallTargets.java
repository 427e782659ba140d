package dev.lapse.agent.instrument.callsite;

import java.util.List;

/**
 * Which call instructions are worth a site id: calls that may reach a method Lapse instruments. Decided from
 * names alone, at transformation time, before the called class is loaded: the rules are the ones that choose
 * the instrumented methods, so a call that passes may still reach a method that is not instrumented (the id is
 * then dropped when the call returns) and a call that fails registers through the stack walk, as before.
 */
public interface CallTargets {

    /**
     * Prefixes, in ASCII, of every name {@link #nameMayRegister} accepts: they let the constant-pool filter reject
     * nearly every name from its bytes, without building a string.
     */
    List<String> namePrefixes();

    /** Whether a method of this name may be a registration API, whoever declares it (a pure function of the name). */
    boolean nameMayRegister(String name);

    /** Whether the calls made by the class with this binary name are rewritten (not the JDK's, nor excluded ones). */
    boolean rewritesCallsFrom(String callerClass);

    /**
     * Whether a call to {@code name} with descriptor {@code descriptor}, declared by the class or interface with
     * internal name {@code owner}, may be a registration.
     */
    boolean mayRegister(String owner, String name, String descriptor);

    /**
     * Whether the class or interface with internal name {@code owner} is loaded before any agent runs and
     * instrumented only when a rewritten call to it first runs ({@code Runtime}: retransforming it at launch would
     * load the whole instrumentation in a program that never registers a shutdown hook).
     */
    boolean instrumentedLate(String owner);
}
