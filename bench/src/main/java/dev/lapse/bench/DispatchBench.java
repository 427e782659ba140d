package dev.lapse.bench;

import dev.lapse.bench.app.Model;
import dev.lapse.bench.app.View;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** An event delivered to 16 registered listeners: the agent must not be on this path at all. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DispatchBench {
    private final Model model = new Model();
    private int value;

    @Setup
    public void setUp(Blackhole bh) {
        for (int i = 0; i < 16; i++) {
            model.addChangeListener(new View(bh::consume).changeListener);
        }
    }

    @Benchmark
    public void dispatchTo16() {
        model.fire(value++);
    }
}
