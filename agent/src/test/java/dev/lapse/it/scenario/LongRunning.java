package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A service that runs until told to quit, driven by lines on standard input: {@code leak} opens and disposes a
 * view that forgets its listener, {@code count} prints the listeners on the model, {@code quit} ends it.
 * Started without the agent; the tests attach to it.
 */
public final class LongRunning {
    static final Model MODEL = new Model();

    private LongRunning() {}

    static final class View {
        private int seen;

        View() {
            MODEL.addChangeListener(new ChangeListener() {
                @Override
                public void changed(String what) {
                    seen++;
                }
            });
        }

        void dispose() {}
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready " + ProcessHandle.current().pid());
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "leak" -> new View().dispose();
                case "count" -> System.out.println("listeners " + MODEL.size());
                case "quit" -> {
                    System.out.println("bye");
                    return;
                }
                default -> System.out.println("unknown " + line);
            }
            System.out.println("done " + line.trim());
        }
    }
}
