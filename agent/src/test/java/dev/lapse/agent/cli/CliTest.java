package dev.lapse.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.config.OptionDocs;
import dev.lapse.agent.report.model.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliTest {
    /** What one command line printed and returned. */
    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.standard()
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void version_prints_the_version_of_the_jar() {
        assertEquals(new Run(0, "Lapse " + Report.lapseVersion() + System.lineSeparator(), ""), run("--version"));
    }

    @Test
    void help_options_prints_the_options_from_their_descriptors() {
        assertEquals(new Run(0, OptionDocs.text(), ""), run("help", "options"));
        assertEquals(new Run(0, OptionDocs.markdown(), ""), run("help", "options", "--markdown"));
    }

    @Test
    void help_names_every_command_and_the_option_list() {
        Run help = run("help");
        assertEquals(0, help.exit());
        for (String command : new String[] {"list", "attach <pid>", "report <pid>", "stop <pid>", "merge -o DIR"}) {
            assertTrue(help.out().contains("\n  " + command), command + "\n" + help.out());
        }
        assertTrue(help.out().contains("\n  help options [--markdown] "), help.out());
        assertTrue(help.out().contains("\n  --version "), help.out());
        assertEquals(help, run());
        assertEquals(help, run("--help"));
    }

    @Test
    void help_on_anything_else_is_one_line_and_a_usage_error() {
        Run r = run("help", "colours");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals("lapse help: usage: help [options [--markdown]]" + System.lineSeparator(), r.err());
    }
}
