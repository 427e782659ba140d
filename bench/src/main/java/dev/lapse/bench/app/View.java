package dev.lapse.bench.app;

import java.awt.event.ActionListener;
import java.beans.PropertyChangeListener;
import java.util.function.IntConsumer;

/**
 * An owner with the listeners the benchmarks register: an anonymous change listener and two lambdas, all
 * holding the view. Its sink is what the listeners call.
 */
public final class View {
    private final IntConsumer sink;
    public final ChangeListener changeListener;
    public final PropertyChangeListener propertyListener;
    public final ActionListener actionListener;

    public View(IntConsumer sink) {
        this.sink = sink;
        this.changeListener = new ChangeListener() {
            @Override
            public void changed(int value) {
                View.this.sink.accept(value);
            }
        };
        this.propertyListener = e -> this.sink.accept(1);
        this.actionListener = e -> this.sink.accept(2);
    }

    /** The model the view shows, while it is bound. */
    private Model bound;

    /** Shows {@code model}: the view registers from its own code on a model it holds, as most views do. */
    public void bind(Model model) {
        bound = model;
        model.addChangeListener(changeListener);
    }

    /** Stops showing the model. */
    public void unbind() {
        bound.removeChangeListener(changeListener);
        bound = null;
    }

    /** Ends the view's life: Lapse sees {@code dispose} as a lifecycle end. */
    public void dispose() {
        // the listeners stay registered where the measurement wants leaks
    }
}
