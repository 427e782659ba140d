package dev.lapse.bench.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application subject as most code writes one: listeners in a {@code CopyOnWriteArrayList}. */
public final class Model {
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    public void addChangeListener(ChangeListener l) {
        listeners.add(l);
    }

    public void removeChangeListener(ChangeListener l) {
        listeners.remove(l);
    }

    public void fire(int value) {
        for (ChangeListener l : listeners) {
            l.changed(value);
        }
    }
}
