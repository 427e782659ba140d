package dev.lapse.bench.app;

/** The listener type of the benchmarks' application subject. */
public interface ChangeListener {
    void changed(int value);
}
