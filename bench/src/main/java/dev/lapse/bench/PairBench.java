package dev.lapse.bench;

import dev.lapse.bench.app.Model;
import dev.lapse.bench.app.View;
import java.beans.PropertyChangeSupport;
import java.util.concurrent.TimeUnit;
import javax.swing.JButton;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One listener added and removed again, the operation the agent sits on. With the agent, each pair creates and
 * clears a tracked registration and captures its site (cached per call site after the first few).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PairBench {
    private PropertyChangeSupport pcs;
    private Model model;
    private JButton button;
    private View view;

    @Setup
    public void setUp(Blackhole bh) {
        pcs = new PropertyChangeSupport(this);
        model = new Model();
        button = new JButton("ok");
        view = new View(bh::consume);
    }

    @Benchmark
    public void propertyChangeSupport() {
        pcs.addPropertyChangeListener(view.propertyListener);
        pcs.removePropertyChangeListener(view.propertyListener);
    }

    @Benchmark
    public void copyOnWriteSubject() {
        model.addChangeListener(view.changeListener);
        model.removeChangeListener(view.changeListener);
    }

    @Benchmark
    public void swingButton() {
        button.addActionListener(view.actionListener);
        button.removeActionListener(view.actionListener);
    }

    /**
     * The owner registers from its own code on a model it holds in a field, so the agent also reads the owner's
     * own fields to watch the registration for a detached subject.
     */
    @Benchmark
    public void ownerBindsItself() {
        view.bind(model);
        view.unbind();
    }

    /** A new owner and listener each time: the tracker creates and drops an owner record per pair. */
    @Benchmark
    public View copyOnWriteSubjectNewOwner(Blackhole bh) {
        View v = new View(bh::consume);
        model.addChangeListener(v.changeListener);
        model.removeChangeListener(v.changeListener);
        return v;
    }
}
