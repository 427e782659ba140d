package dev.lapse.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.ReportFormat;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentOptionsTest {
    @Test
    void every_option_constant_is_declared_once_with_a_key_of_its_own() throws IllegalAccessException {
        List<Option<?>> constants = new ArrayList<>();
        for (Field f : AgentOptions.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Option.class) {
                constants.add((Option<?>) f.get(null));
            }
        }
        assertEquals(Set.copyOf(constants), Set.copyOf(AgentOptions.ALL));
        assertEquals(constants.size(), AgentOptions.ALL.size());
        Set<String> keys = new HashSet<>();
        for (Option<?> o : AgentOptions.ALL) {
            assertTrue(keys.add(o.key()), "key given twice: " + o.key());
            assertFalse(o.description().isBlank(), o.key());
            assertTrue(o.description().endsWith("."), "a description is sentences: " + o.key());
        }
        assertEquals(AgentOptions.ALL.stream().map(Option::key).collect(Collectors.joining(", ")), AgentOptions.keys());
    }

    @Test
    void defaults_are_the_documented_ones() {
        AgentOptions o = AgentOptions.parse("");
        assertEquals(Paths.get("lapse-report").toAbsolutePath(), o.out());
        assertEquals(List.of(), o.lifecycle());
        assertEquals(List.of(), o.excludes());
        assertEquals(500_000, o.maxTracked());
        assertTrue(o.gc());
        assertEquals(Duration.ofSeconds(10), o.exitTimeout());
        assertEquals(1_000_000, o.walkLimit());
        assertEquals(Duration.ofSeconds(5), o.walkTimeout());
        assertEquals(LogLevel.INFO, o.log());
        assertEquals(List.of(ReportFormat.JSON, ReportFormat.TEXT), o.formats());
        assertFalse(o.shared());
        assertEquals(List.of(), o.suppress());
        assertEquals(Optional.empty(), o.rules());
        assertEquals(500, o.accumulation());
        assertEquals(Duration.ofSeconds(60), o.accumulationWindow());
        assertEquals(AgentOptions.defaults(), AgentOptions.parse(null));
        assertEquals("", AgentOptions.defaults().toString(), "nothing given, nothing to pass on");
    }

    @Test
    void the_effective_options_are_every_key_in_canonical_form() {
        assertEquals(
                "{out=" + Paths.get("lapse-report").toAbsolutePath() + ", lifecycle=, excludes=, maxTracked=500000,"
                        + " gc=true, exitTimeout=10s, walkLimit=1000000, walkTimeout=5s, formats=json:txt,"
                        + " shared=false, suppress=, rules=, accumulation=500, accumulationWindow=1m, log=info}",
                AgentOptions.defaults().effective().toString());
    }

    @Test
    void every_key_is_read(@TempDir Path dir) {
        AgentOptions o = AgentOptions.parse("out=" + dir + ",lifecycle=teardown:unbind,excludes=com.acme.*:*Test,"
                + "maxTracked=7,gc=false,exitTimeout=2m,walkLimit=99,walkTimeout=500ms,log=debug,"
                + "formats=html:sarif:html,shared=TRUE,suppress=com.acme.legacy.*:*Cache,rules=" + dir
                + "/lapse.rules,accumulation=20,accumulationWindow=5s");
        assertEquals(dir.toAbsolutePath(), o.out());
        assertEquals(List.of("teardown", "unbind"), o.lifecycle());
        assertEquals(List.of("com.acme.*", "*Test"), o.excludes());
        assertEquals(7, o.maxTracked());
        assertFalse(o.gc());
        assertEquals(Duration.ofMinutes(2), o.exitTimeout());
        assertEquals(99, o.walkLimit());
        assertEquals(Duration.ofMillis(500), o.walkTimeout());
        assertEquals(LogLevel.DEBUG, o.log());
        assertEquals(List.of(ReportFormat.HTML, ReportFormat.SARIF), o.formats());
        assertTrue(o.shared());
        assertEquals(List.of("com.acme.legacy.*", "*Cache"), o.suppress());
        assertEquals(Optional.of(dir.resolve("lapse.rules")), o.rules());
        assertEquals(20, o.accumulation());
        assertEquals(Duration.ofSeconds(5), o.accumulationWindow());
        assertEquals(Duration.ofSeconds(5), o.get(AgentOptions.ACCUMULATION_WINDOW), "get reads the same value");
    }

    @Test
    void parsing_reads_no_file_and_creates_no_directory(@TempDir Path dir) {
        Path out = dir.resolve("not-yet");
        AgentOptions o = AgentOptions.parse("out=" + out + ",rules=/no/such/file");
        assertEquals(Optional.of(Paths.get("/no/such/file")), o.rules());
        assertFalse(Files.exists(out));
    }

    @Test
    void the_canonical_form_names_what_was_given_in_descriptor_order_and_reads_back_the_same(@TempDir Path dir) {
        AgentOptions o = AgentOptions.parse(
                "walkTimeout=2000ms,out=" + dir + "/./x,lifecycle=teardown:teardown,maxTracked=3,gc=FALSE,log=warn");
        assertEquals(
                "out=" + dir.resolve("x") + ",lifecycle=teardown,maxTracked=3,gc=false,walkTimeout=2s,log=warn",
                o.toString());
        assertEquals(o, AgentOptions.parse(o.toString()));
    }

    @Test
    void a_relative_path_is_made_absolute_against_the_working_directory() {
        AgentOptions o = AgentOptions.parse("out=build/lapse,rules=lapse.rules");
        Path here = Paths.get("").toAbsolutePath();
        assertEquals(here.resolve("build/lapse"), o.out());
        assertEquals("out=" + here.resolve("build/lapse") + ",rules=" + here.resolve("lapse.rules"), o.toString());
    }

    @Test
    void every_default_reads_back_from_its_canonical_form() {
        AgentOptions defaults = AgentOptions.defaults();
        StringBuilder all = new StringBuilder();
        for (Option<?> o : AgentOptions.ALL) {
            all.append(all.length() == 0 ? "" : ",").append(o.key()).append('=').append(o.format(defaults.get(o)));
        }
        AgentOptions again = AgentOptions.parse(all.toString());
        assertEquals(defaults.effective(), again.effective());
        assertEquals(all.toString(), again.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"0s     | 0s", "1500   | 1500ms", "1500ms | 1500ms", "120s   | 2m", "60000  | 1m", "90s    | 90s"})
    void durations_are_written_in_the_largest_unit_that_holds_them(String given, String canonical) {
        assertEquals(
                "accumulationWindow=" + canonical,
                AgentOptions.parse("accumulationWindow=" + given).toString());
    }

    @Test
    void a_mistyped_key_is_named_with_the_one_it_was_likely_meant_to_be() {
        OptionException e = assertThrows(OptionException.class, () -> AgentOptions.parse("lifecylce=teardown"));
        assertEquals(
                "unknown option 'lifecylce' (did you mean 'lifecycle'? valid keys: " + AgentOptions.keys() + ")",
                e.getMessage());
        OptionException far = assertThrows(OptionException.class, () -> AgentOptions.parse("colour=blue"));
        assertEquals("unknown option 'colour' (valid keys: " + AgentOptions.keys() + ")", far.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "color=blue          | unknown option 'color' (valid keys: out, lifecycle,",
                "gc                  | option 'gc' is not key=value (valid keys: out,",
                "out=x,              | option '' is not key=value",
                "gc=true,gc=false    | option 'gc' is given twice",
                "out=                | option 'out' has bad value '': expected a directory",
                "maxTracked=abc      | option 'maxTracked' has bad value 'abc': expected a whole number above 0",
                "maxTracked=0        | option 'maxTracked' has bad value '0'",
                "walkLimit=-1        | option 'walkLimit' has bad value '-1'",
                "gc=maybe            | option 'gc' has bad value 'maybe': expected true or false",
                "shared=yes          | option 'shared' has bad value 'yes': expected true or false",
                "exitTimeout=soon    | option 'exitTimeout' has bad value 'soon': expected a duration above 0",
                "walkTimeout=0s      | option 'walkTimeout' has bad value '0s'",
                "log=loud            | option 'log' has bad value 'loud': expected one of debug, info, warn, error, off",
                "formats=json:pdf    | option 'formats' has 'pdf', which is not one of json, txt, html, sarif"
                        + " (separate several with ':')",
                "formats=            | option 'formats' has '', which is not one of",
                "accumulation=none   | option 'accumulation' has bad value 'none'",
                "accumulationWindow=soon | option 'accumulationWindow' has bad value 'soon': expected a duration such",
                "lifecycle=tear-down | option 'lifecycle' has 'tear-down', which is not a Java method name",
                "suppress=com/acme   | option 'suppress' has 'com/acme', which is not a class name pattern",
                "excludes=a::b       | option 'excludes' has '', which is not a class name pattern"
            })
    void bad_input_names_the_key_and_the_value(String argument, String message) {
        OptionException e = assertThrows(OptionException.class, () -> AgentOptions.parse(argument));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void a_default_the_type_refuses_is_a_programming_error_caught_at_declaration() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Option<>("n", ValueType.positiveInt(), "0", "N."));
        assertEquals("option n: default '0' is not a whole number above 0", e.getMessage());
    }

    @Test
    void a_zero_accumulation_window_lets_the_count_alone_decide() {
        assertEquals(Duration.ZERO, AgentOptions.parse("accumulationWindow=0s").accumulationWindow());
    }
}
