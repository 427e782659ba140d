package dev.lapse.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.ReportFormat;
import dev.lapse.agent.track.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentOptionsTest {
    @Test
    void defaults_are_the_documented_ones() {
        AgentOptions o = AgentOptions.parse("");
        assertEquals(Paths.get("lapse-report").toAbsolutePath(), o.out().toAbsolutePath());
        assertEquals(List.of(), o.lifecycle());
        assertEquals(List.of(), o.excludes());
        assertEquals(500_000, o.maxTracked());
        assertTrue(o.gc());
        assertEquals(Duration.ofSeconds(10), o.exitTimeout());
        assertEquals(1_000_000, o.walkLimit());
        assertEquals(Duration.ofSeconds(5), o.walkTimeout());
        assertEquals("info", o.log());
        assertEquals(List.of(ReportFormat.JSON, ReportFormat.TEXT), o.formats());
        assertEquals(500, o.accumulation());
        assertEquals(Duration.ofSeconds(60), o.accumulationWindow());
        assertEquals("", o.effective().get("suppress"));
        assertEquals("", o.effective().get("rules"));
        assertEquals(
                AgentOptions.defaults().toString(), AgentOptions.parse(null).toString());
    }

    @Test
    void every_key_is_read(@TempDir Path dir) {
        AgentOptions o = AgentOptions.parse("out=" + dir + ",lifecycle=teardown:unbind,excludes=com.acme.*:*Test,"
                + "maxTracked=7,gc=false,exitTimeout=2m,walkLimit=99,walkTimeout=500ms,log=debug,formats=html:sarif:html,"
                + "shared=true,suppress=com.acme.legacy.*:*Cache,accumulation=20,accumulationWindow=5s");
        assertEquals(dir.toAbsolutePath(), o.out().toAbsolutePath());
        assertEquals(List.of("teardown", "unbind"), o.lifecycle());
        assertEquals(List.of("com.acme.*", "*Test"), o.excludes());
        assertEquals(7, o.maxTracked());
        assertFalse(o.gc());
        assertEquals(Duration.ofMinutes(2), o.exitTimeout());
        assertEquals(99, o.walkLimit());
        assertEquals(Duration.ofMillis(500), o.walkTimeout());
        assertEquals("debug", o.log());
        assertEquals(List.of(ReportFormat.HTML, ReportFormat.SARIF), o.formats());
        assertEquals("html:sarif", o.effective().get("formats"));
        assertTrue(o.shared());
        assertFalse(AgentOptions.defaults().shared());
        assertEquals("com.acme.legacy.*:*Cache", o.effective().get("suppress"));
        assertEquals(20, o.accumulation());
        assertEquals(Duration.ofSeconds(5), o.accumulationWindow());
        assertTrue(o.suppressions()
                        .match(
                                Signal.LIFECYCLE_END,
                                "com.acme.Bus",
                                "com.acme.Listener",
                                "com.acme.UserCache",
                                List.of())
                != null);
        assertNull(o.suppressions()
                .match(Signal.LIFECYCLE_END, "com.acme.Bus", "com.acme.Listener", "com.acme.View", List.of()));
    }

    @Test
    void a_rules_file_matches_on_every_key_it_gives(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("lapse.rules");
        Files.writeString(
                rules,
                "# intended for the life of the application\n\n"
                        + "subject=com.acme.EventBus caller=com.acme.App#start reason=the app's own listeners # live on\n"
                        + "signal=accumulation listener=com.acme.Row*\n");
        Suppressions s = AgentOptions.parse("rules=" + rules).suppressions();
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
    void the_built_in_list_keeps_swing_own_registrations_out_and_the_application_in() {
        Suppressions s = AgentOptions.defaults().suppressions();
        StackTraceElement swing =
                new StackTraceElement("javax.swing.plaf.basic.BasicPopupMenuUI", "installListeners", null, -1);
        StackTraceElement app = new StackTraceElement("com.acme.View", "<init>", "View.java", 9);
        assertTrue(s.match(Signal.LIFECYCLE_END, "java.awt.Toolkit", "x.L", "x.O", List.of(swing, app)) != null);
        assertNull(s.match(Signal.LIFECYCLE_END, "java.awt.Toolkit", "x.L", "x.O", List.of(app, swing)));
    }

    @Test
    void a_zero_accumulation_window_lets_the_count_alone_decide() {
        assertEquals(Duration.ZERO, AgentOptions.parse("accumulationWindow=0s").accumulationWindow());
    }

    @Test
    void the_canonical_form_reads_back_as_the_same_options(@TempDir Path dir) {
        AgentOptions o = AgentOptions.parse("out=" + dir + ",lifecycle=teardown,maxTracked=3,walkTimeout=2s");
        assertEquals(o.toString(), AgentOptions.parse(o.toString()).toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "color=blue          | unknown option 'color'",
                "gc                  | option 'gc' is not key=value",
                "gc=true,gc=false    | option 'gc' is given twice",
                "maxTracked=abc      | option 'maxTracked' has bad value 'abc'",
                "maxTracked=0        | option 'maxTracked' has bad value '0'",
                "walkLimit=-1        | option 'walkLimit' has bad value '-1'",
                "gc=maybe            | option 'gc' has bad value 'maybe': expected true or false",
                "shared=yes          | option 'shared' has bad value 'yes': expected true or false",
                "exitTimeout=soon    | option 'exitTimeout' has bad value 'soon'",
                "walkTimeout=0s      | option 'walkTimeout' has bad value '0s'",
                "log=loud            | option 'log' has bad value 'loud'",
                "formats=json:pdf    | option 'formats' has 'pdf', which is not one of json, txt, html, sarif",
                "formats=            | option 'formats' has '', which is not one of",
                "accumulation=none   | option 'accumulation' has bad value 'none'",
                "accumulationWindow=soon | option 'accumulationWindow' has bad value 'soon'",
                "suppress=com/acme   | option 'suppress' has 'com/acme', which is not a class name pattern",
                "rules=/no/such/file | option 'rules' names /no/such/file, which cannot be read"
            })
    void bad_input_names_the_key_and_the_value(String argument, String message) {
        OptionException e = assertThrows(OptionException.class, () -> AgentOptions.parse(argument));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
