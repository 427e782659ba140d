package dev.lapse.it.scenario;

import dev.lapse.Lapse;
import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An application that calls {@link Lapse} from its own class path (the lapse-api jar), driven by lines on standard
 * input: {@code where} prints where {@code Lapse} was loaded from and whether the agent is there, {@code close}
 * opens a tab that stays registered and tells Lapse it should now be collected, {@code report} asks for the report,
 * {@code quit} ends it. Started with the agent or without it, for the tests to attach.
 */
public final class ApiCalls {
    static final Model MODEL = new Model();

    private ApiCalls() {}

    static final class Tab {
        private int seen;

        Tab() {
            MODEL.addChangeListener(new ChangeListener() {
                @Override
                public void changed(String what) {
                    seen++;
                }
            });
        }
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready " + ProcessHandle.current().pid());
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "where" ->
                    System.out.println("where "
                            + Lapse.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .getPath()
                            + " loader " + (Lapse.class.getClassLoader() == ClassLoader.getSystemClassLoader())
                            + " agent " + Lapse.isAgentLoaded());
                case "close" -> Lapse.expectCollected(new Tab(), "tab closed by the user");
                case "report" ->
                    System.out.println("report "
                            + Lapse.writeReport().map(Object::toString).orElse("none"));
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
