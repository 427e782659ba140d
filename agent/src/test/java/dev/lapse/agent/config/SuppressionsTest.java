package dev.lapse.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.track.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuppressionsTest {
    @Test
    void a_signal_pattern_that_names_no_signal_is_rejected_with_the_signals_listed(@TempDir Path dir)
            throws IOException {
        Path rules = dir.resolve("lapse.rules");
        Files.writeString(rules, "signal=lifecycle owner=com.acme.*\n");
        OptionException e =
                assertThrows(OptionException.class, () -> Suppressions.load(AgentOptions.parse("rules=" + rules)));
        assertEquals(
                "option 'rules' names a file with a bad rule: " + rules
                        + ":1: signal 'lifecycle' matches no signal: one of " + Signal.names(),
                e.getMessage());
    }

    @Test
    void a_signal_pattern_matches_signals_by_their_wire_names(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("lapse.rules");
        Files.writeString(rules, "signal=*-end owner=com.acme.*\n");
        Suppressions s = Suppressions.load(AgentOptions.parse("rules=" + rules));
        assertNotNull(s.match(Signal.LIFECYCLE_END, "com.acme.Bus", "com.acme.L", "com.acme.O", List.of()));
        assertNotNull(s.match(Signal.SCOPE_END, "com.acme.Bus", "com.acme.L", "com.acme.O", List.of()));
        assertNull(s.match(Signal.EXPLICIT, "com.acme.Bus", "com.acme.L", "com.acme.O", List.of()));
    }

    @Test
    void the_rules_file_is_loaded_from_the_options_and_matches_on_every_key_it_gives(@TempDir Path dir)
            throws IOException {
        Path rules = dir.resolve("lapse.rules");
        Files.writeString(
                rules,
                "# intended for the life of the application\n\n"
                        + "subject=com.acme.EventBus caller=com.acme.App#start reason=the app's own listeners # live on\n"
                        + "signal=accumulation listener=com.acme.Row*\n");
        Suppressions s = Suppressions.load(AgentOptions.parse("rules=" + rules));
        StackTraceElement start = new StackTraceElement("com.acme.App", "start", "App.java", 12);
        StackTraceElement main = new StackTraceElement("com.acme.Main", "main", "Main.java", 3);
        assertEquals(
                "the app's own listeners # live on (" + rules + ":3)",
                s.match(Signal.LIFECYCLE_END, "com.acme.EventBus", "com.acme.L", "com.acme.O", List.of(start, main)));
        assertNull(
                s.match(Signal.LIFECYCLE_END, "com.acme.EventBus", "com.acme.L", "com.acme.O", List.of(main, start)),
                "the caller is the innermost frame only");
        assertNull(s.match(Signal.LIFECYCLE_END, "com.acme.OtherBus", "com.acme.L", "com.acme.O", List.of(start)));
        assertTrue(s.match(Signal.ACCUMULATION, "com.acme.Model", "com.acme.RowListener", "com.acme.Row", List.of())
                .endsWith(rules + ":4)"));
        assertNull(s.match(Signal.LIFECYCLE_END, "com.acme.Model", "com.acme.RowListener", "com.acme.Row", List.of()));
    }

    @Test
    void suppress_patterns_match_the_owner_the_listener_or_the_subject() {
        Suppressions s = Suppressions.load(AgentOptions.parse("suppress=com.acme.legacy.*:*Cache"));
        assertNotNull(
                s.match(Signal.LIFECYCLE_END, "com.acme.Bus", "com.acme.Listener", "com.acme.UserCache", List.of()));
        assertNotNull(s.match(Signal.LIFECYCLE_END, "com.acme.legacy.Bus", "com.acme.L", "com.acme.View", List.of()));
        assertNull(s.match(Signal.LIFECYCLE_END, "com.acme.Bus", "com.acme.Listener", "com.acme.View", List.of()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "subject=a.B frobnicate   | :1: 'frobnicate' is not key=pattern with a key of signal, subject,",
                "subject=                 | :1: 'subject' has no pattern",
                "owner=a.B owner=a.C      | :1: 'owner' is given twice",
                "reason=none given        | :1: the rule matches nothing"
            })
    void a_bad_rule_is_one_line_naming_the_option_the_file_and_the_line(String rule, String message, @TempDir Path dir)
            throws IOException {
        Path rules = dir.resolve("lapse.rules");
        Files.writeString(rules, rule + "\n");
        OptionException e =
                assertThrows(OptionException.class, () -> Suppressions.load(AgentOptions.parse("rules=" + rules)));
        assertTrue(
                e.getMessage().startsWith("option 'rules' names a file with a bad rule: " + rules + message),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void a_rules_file_that_cannot_be_read_is_named(@TempDir Path dir) {
        OptionException missing =
                assertThrows(OptionException.class, () -> Suppressions.load(AgentOptions.parse("rules=/no/such/file")));
        assertEquals(
                "option 'rules' names /no/such/file, which cannot be read (/no/such/file: No such file or directory)",
                missing.getMessage());
        OptionException directory =
                assertThrows(OptionException.class, () -> Suppressions.load(AgentOptions.parse("rules=" + dir)));
        assertTrue(
                directory.getMessage().startsWith("option 'rules' names " + dir + ", which cannot be read ("),
                directory.getMessage());
    }

    @Test
    void the_built_in_list_keeps_swing_own_registrations_out_and_the_application_in() {
        Suppressions s = Suppressions.load(AgentOptions.defaults());
        StackTraceElement swing =
                new StackTraceElement("javax.swing.plaf.basic.BasicPopupMenuUI", "installListeners", null, -1);
        StackTraceElement app = new StackTraceElement("com.acme.View", "<init>", "View.java", 9);
        assertNotNull(s.match(Signal.LIFECYCLE_END, "java.awt.Toolkit", "x.L", "x.O", List.of(swing, app)));
        assertNull(s.match(Signal.LIFECYCLE_END, "java.awt.Toolkit", "x.L", "x.O", List.of(app, swing)));
    }
}
