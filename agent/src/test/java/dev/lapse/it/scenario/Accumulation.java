package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;

/**
 * Listeners piling up from one call site: every request adds one to a long-lived model and none removes it (an
 * accumulation, with no owner signal at all). Rows that each register once in a start-up burst, and a poller that
 * adds and removes, do not accumulate. Run with {@code accumulation=50,accumulationWindow=2s}.
 */
public final class Accumulation {
    static final Model ORDERS = new Model();
    static final Model TABLE = new Model();
    static final Model TICKS = new Model();

    private Accumulation() {}

    /** Handles one request, and registers a listener it never removes. */
    static final class Request {
        String seen;

        void handle() {
            ORDERS.addChangeListener(what -> seen = what);
        }
    }

    /** A table row: registers once, for the life of the table. */
    static final class Row {
        Row() {
            TABLE.addChangeListener(this::changed);
        }

        void changed(String what) {}
    }

    /** Adds and removes every time. */
    static final class Poller {
        void poll() {
            ChangeListener l = what -> {};
            TICKS.addChangeListener(l);
            TICKS.removeChangeListener(l);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Object[] rows = new Object[100];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Row();
        }
        Poller poller = new Poller();
        for (int i = 0; i < 30; i++) {
            new Request().handle();
            poller.poll();
        }
        Thread.sleep(2_100);
        for (int i = 0; i < 30; i++) {
            new Request().handle();
            poller.poll();
        }
        if (rows[0] == null) {
            throw new AssertionError(); // keeps the rows reachable to the end
        }
    }
}
