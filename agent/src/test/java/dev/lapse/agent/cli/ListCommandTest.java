package dev.lapse.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    @Test
    void columns_are_as_wide_as_their_widest_cell_whatever_the_version_or_pid() {
        List<String> lines = ListCommand.columns(List.of(
                List.of("PID", "LAPSE", "MAIN"),
                List.of("4242", "0.1.0-SNAPSHOT", "demo.jar"),
                List.of("1234567", "no", "org.gradle.launcher.daemon.bootstrap.GradleDaemon")));
        assertEquals(
                List.of(
                        "PID      LAPSE           MAIN",
                        "4242     0.1.0-SNAPSHOT  demo.jar",
                        "1234567  no              org.gradle.launcher.daemon.bootstrap.GradleDaemon"),
                lines);
    }
}
