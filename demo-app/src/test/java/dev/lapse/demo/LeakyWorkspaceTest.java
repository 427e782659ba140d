package dev.lapse.demo;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A deliberately leaky test, excluded from the normal run (tag {@code leaky}): it runs the unfixed demo against the
 * application's static services, so every workspace it closes stays registered there, and Lapse fails it with
 * the findings. Run it with {@code mvn -pl demo-app test -Dgroups=leaky -DexcludedGroups=none}; it fails.
 */
@Tag("leaky")
class LeakyWorkspaceTest {
    @Test
    void closed_workspaces_stay_registered_on_the_application_services() {
        DemoApp.run(Services.APPLICATION, false, new PrintStream(OutputStream.nullOutputStream()));
    }
}
