package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.Model;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs that leave Lapse nothing to report, each for its own reason.
 *
 * <ul>
 *   <li>{@code teardown}: three views register on a long-lived model and are torn down by a method Lapse does not
 *       know, {@code teardown()}: they stay alive through the model, and nothing said they should be dead;
 *   <li>{@code collected}: three views each register on a model of their own and are closed, and nothing holds
 *       view or model any more: they ended and were collected;
 *   <li>{@code replaced-stderr}: {@code teardown} after pointing {@code System.out} and {@code System.err} into
 *       nothing, as Surefire's forked booter does before the tests run.
 * </ul>
 */
public final class Unjudged {
    static final Model MODEL = new Model();

    static final class View implements Subjects.ChangeListener {
        String last;

        View(Model model) {
            model.addChangeListener(this);
        }

        @Override
        public void changed(String what) {
            last = what;
        }

        void teardown() {}

        void close() {}
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "teardown";
        switch (mode) {
            case "teardown" -> tornDown();
            case "collected" -> {
                for (int i = 0; i < 3; i++) {
                    new View(new Model()).close();
                }
            }
            case "replaced-stderr" -> {
                PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
                System.setOut(nowhere);
                System.setErr(nowhere);
                tornDown();
            }
            default -> throw new IllegalArgumentException(mode);
        }
    }

    private static void tornDown() {
        for (int i = 0; i < 3; i++) {
            new View(MODEL).teardown();
        }
        MODEL.fire("done");
    }
}
