package dev.lapse.agent.runtime;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the tracker, the hook's sink and the shutdown hook call back into the runtime through: one class, where a
 * lambda or method reference each would be spun into a class of its own on the launch path.
 */
final class Callbacks implements LongSupplier, Supplier<Object>, TrackingSink.ScopeChecker, Consumer<String>, Runnable {
    private final LapseRuntime runtime;

    Callbacks(LapseRuntime runtime) {
        this.runtime = runtime;
    }

    /** The tracker's clock: the wall clock, in milliseconds. */
    @Override
    public long getAsLong() {
        return System.currentTimeMillis();
    }

    /** {@code Lapse.writeReport()}: the report directory, or {@code null}. */
    @Override
    public Object get() {
        return runtime.writeReportNow();
    }

    @Override
    public String check(String scope, boolean nested, Object root, String signals, boolean defer) {
        return runtime.checkScope(scope, nested, root, signals, defer);
    }

    /** A rewritten call to a JDK class loaded before the agent is about to run: instrument that class. */
    @Override
    public void accept(String className) {
        runtime.instrumentLate(className);
    }

    /** The shutdown hook: the exit report. */
    @Override
    public void run() {
        runtime.reportAtExit();
    }
}
