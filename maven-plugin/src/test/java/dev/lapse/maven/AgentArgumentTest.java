package dev.lapse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentArgumentTest {
    private final AgentArgument plain = new AgentArgument(Path.of("/repo/lapse-agent.jar"), "out=/p/target/lapse");

    @Test
    void argument_is_the_jar_and_its_options() {
        assertEquals("-javaagent:/repo/lapse-agent.jar=out=/p/target/lapse", plain.commandLine());
        assertEquals(
                "-javaagent:/repo/lapse-agent.jar",
                new AgentArgument(Path.of("/repo/lapse-agent.jar"), "").commandLine());
    }

    @Test
    void argument_with_a_space_is_quoted_as_one() {
        assertEquals(
                "\"-javaagent:/my repo/lapse-agent.jar=out=/p/target/lapse\"",
                new AgentArgument(Path.of("/my repo/lapse-agent.jar"), "out=/p/target/lapse").commandLine());
    }

    @Test
    void argument_goes_after_what_is_there_and_replaces_nothing() {
        assertEquals(plain.commandLine(), plain.appendTo(null));
        assertEquals(plain.commandLine(), plain.appendTo("  "));
        assertEquals(
                "-javaagent:/repo/jacoco.jar=destfile=x -Xmx1g " + plain.commandLine(),
                plain.appendTo("-javaagent:/repo/jacoco.jar=destfile=x -Xmx1g "));
    }

    @Test
    void a_quote_in_the_argument_is_refused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new AgentArgument(Path.of("/repo/lapse-agent.jar"), "out=/a\"b").commandLine());
    }
}
