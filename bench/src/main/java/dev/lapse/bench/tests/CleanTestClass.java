package dev.lapse.bench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lapse.bench.app.Model;
import dev.lapse.bench.app.View;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A test class as most are: five tests that each open views on a long-lived model and on one of their own, fire
 * events and close the views properly. With Lapse each test ends with a check that finds nothing.
 */
public class CleanTestClass {
    static final Model SHARED = new Model();

    private final AtomicInteger seen = new AtomicInteger();

    private void openUseAndClose(int views) {
        Model own = new Model();
        View[] opened = new View[views];
        for (int i = 0; i < views; i++) {
            opened[i] = new View(seen::addAndGet);
            SHARED.addChangeListener(opened[i].changeListener);
            own.addChangeListener(opened[i].changeListener);
        }
        SHARED.fire(1);
        own.fire(1);
        for (View v : opened) {
            SHARED.removeChangeListener(v.changeListener);
            v.dispose();
        }
        assertEquals(2 * views, seen.get());
    }

    @Test
    void one() {
        openUseAndClose(1);
    }

    @Test
    void two() {
        openUseAndClose(2);
    }

    @Test
    void three() {
        openUseAndClose(3);
    }

    @Test
    void five() {
        openUseAndClose(5);
    }

    @Test
    void eight() {
        openUseAndClose(8);
    }
}
