package dev.lapse.bench.tests;

import dev.lapse.bench.app.Model;
import dev.lapse.bench.app.View;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Four clean tests and one that leaves a disposed view on a long-lived model: with Lapse that test fails, which
 * costs a full collection and a report. The model is replaced after the class so that the runs do not pile up
 * leaked views.
 */
public class LeakyTestClass {
    static Model shared = new Model();

    private static void open(boolean close) {
        View v = new View(value -> {});
        shared.addChangeListener(v.changeListener);
        shared.fire(1);
        if (close) {
            shared.removeChangeListener(v.changeListener);
        }
        v.dispose();
    }

    @AfterAll
    static void forgetTheLeaks() {
        shared = new Model();
    }

    @Test
    void one() {
        open(true);
    }

    @Test
    void two() {
        open(true);
    }

    @Test
    void three() {
        open(true);
    }

    @Test
    void four() {
        open(true);
    }

    @Test
    void leaks() {
        open(false);
    }
}
