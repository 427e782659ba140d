package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.config.OptionDocs;
import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Configurable;
import dev.lapse.it.scenario.QuickLeak;
import dev.lapse.it.support.ForkedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agent options, end-of-life signals beyond method names, and the public API, in forked JVMs. */
class OptionsIT {
    private static final String S = "dev.lapse.it.scenario.Configurable$";

    private static Map<String, JsonValue> byOwner(ForkedJvm.Result r) {
        Map<String, JsonValue> m = new TreeMap<>();
        for (JsonValue f : r.findings()) {
            m.put(f.get("owner.class").string().replace(S, ""), f);
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "color=blue           | unknown option 'color'",
                "lifecylce=teardown   | did you mean 'lifecycle'?",
                "maxTracked=abc       | maxTracked",
                "gc=maybe             | gc",
                "exitTimeout=soon     | exitTimeout",
                "log=loud             | log",
                "formats=json:pdf     | formats",
                "rules=/no/such/file  | option 'rules' names /no/such/file, which cannot be read"
            })
    void bad_options_stop_the_jvm_at_start_up_naming_the_problem(String options, String named) {
        ForkedJvm.Result r =
                ForkedJvm.main(QuickLeak.class).agentOptions(options).run();
        assertNotEquals(0, r.exitCode, r.toString());
        assertTrue(r.stderr.contains("[lapse] ERROR"), r.stderr);
        assertTrue(r.stderr.contains(named), r.stderr);
        assertRefusedInOneLine(r, named);
    }

    @Test
    void a_bad_option_is_one_line_in_a_jvm_started_as_users_start_it() {
        ForkedJvm.Result r = ForkedJvm.main(Configurable.class)
                .agentOptions("walkTimeout=5x")
                .run();
        assertRefusedInOneLine(r, "option 'walkTimeout'");
    }

    @Test
    void a_bad_rule_in_the_rules_file_stops_the_jvm_naming_the_file_and_the_line() throws IOException {
        Path rules = Files.createTempFile("lapse-", ".rules");
        Files.writeString(rules, "# known\nsubject=com.acme.Bus colour=blue\n");
        ForkedJvm.Result r = ForkedJvm.main(Configurable.class)
                .agentOptions("rules=" + rules)
                .run();
        assertRefusedInOneLine(r, "option 'rules' names a file with a bad rule: " + rules + ":2: 'colour=blue'");
    }

    @Test
    void an_out_directory_that_cannot_be_created_stops_the_jvm_naming_it() throws IOException {
        Path file = Files.createTempFile("lapse-", ".file");
        ForkedJvm.Result r = ForkedJvm.main(Configurable.class)
                .reportDir(file.resolve("out"))
                .run();
        assertRefusedInOneLine(r, "option 'out' names " + file.resolve("out") + ", which cannot be created");
    }

    @Test
    void the_jar_prints_its_version_and_the_options_page() throws IOException {
        ForkedJvm.Result version = ForkedJvm.jar(ForkedJvm.agentJar())
                .withoutAgent()
                .args("--version")
                .run();
        assertEquals(0, version.exitCode, version.toString());
        assertTrue(version.stdout.matches("Lapse \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), version.toString());
        ForkedJvm.Result page = ForkedJvm.jar(ForkedJvm.agentJar())
                .withoutAgent()
                .args("help", "options", "--markdown")
                .run();
        assertEquals(0, page.exitCode, page.toString());
        assertEquals(OptionDocs.markdown(), page.stdout, "what the regeneration command writes to docs/options.md");
    }

    /** Exit status 1 and one line on the screen, the refusal naming the problem: the application never ran. */
    private static void assertRefusedInOneLine(ForkedJvm.Result r, String named) {
        assertEquals(1, r.exitCode, r.toString());
        String screen = r.stdout + r.stderr;
        assertEquals(1, screen.lines().count(), "one line and nothing else\n" + r);
        assertTrue(screen.startsWith("[lapse] ERROR "), r.toString());
        assertTrue(screen.contains(named), r.toString());
    }

    @Test
    void signals_by_annotation_and_by_api_and_a_report_on_demand() {
        ForkedJvm.Result r = ForkedJvm.main(Configurable.class).run().assertSuccess();
        assertTrue(r.stdout.contains("agent loaded: true"), r.stdout);
        assertTrue(r.stdout.contains("mid-run report: true"), r.stdout);
        Map<String, JsonValue> found = byOwner(r);
        assertEquals(
                Map.of("JakartaBean", "lifecycle-end", "JavaxBean", "lifecycle-end", "Tab", "explicit"),
                signals(found),
                "teardown is no lifecycle method unless the option names it\n" + r.text());
        assertEquals(
                "tab closed by the user",
                found.get("Tab").get("endOfLife.reason").string());
        assertEquals(
                S + "JavaxBean#cleanUp",
                found.get("JavaxBean").get("endOfLife.method").string());
    }

    @Test
    void lifecycle_option_adds_method_names() {
        ForkedJvm.Result r = ForkedJvm.main(Configurable.class)
                .agentOptions("lifecycle=teardown:unbind")
                .run()
                .assertSuccess();
        Map<String, JsonValue> found = byOwner(r);
        assertEquals("lifecycle-end", found.get("TeardownView").get("signal").string(), r.text());
        assertEquals(4, found.size(), r.text());
    }

    @Test
    void excluded_classes_are_not_instrumented() {
        ForkedJvm.Result r = ForkedJvm.main(Configurable.class)
                .agentOptions("lifecycle=teardown,excludes=*$TeardownView:*.Nothing?")
                .run()
                .assertSuccess();
        assertFalse(byOwner(r).containsKey("TeardownView"), r.text());
        assertEquals(3, r.findings().size(), r.text());
    }

    @Test
    void max_tracked_drops_and_counts_and_says_so() {
        ForkedJvm.Result r = ForkedJvm.main(Configurable.class)
                .agentOptions("maxTracked=2")
                .run()
                .assertSuccess();
        JsonValue stats = r.json().get("stats");
        assertEquals(4, stats.get("registrationsSeen").number(), r.text());
        assertEquals(2, stats.get("dropped").number(), r.text());
        assertTrue(r.text().contains("the maxTracked cap (2) was reached"), r.text());
    }

    @Test
    void without_forced_collection_nothing_is_confirmed_before_the_jvm_collects() {
        ForkedJvm.Result r =
                ForkedJvm.main(QuickLeak.class).agentOptions("gc=false").run().assertSuccess();
        JsonValue json = r.json();
        assertFalse(json.get("jvm.gc.forced").bool());
        long confirmed = json.get("stats.findings").number();
        long waiting = json.get("stats.awaitingFullGc").number();
        assertEquals(1, confirmed + waiting, r.text());
        if (waiting == 1) {
            assertTrue(r.text().contains("gc=false: Lapse does not force one"), r.text());
        }
    }

    @Test
    void disabled_explicit_gc_is_noticed_and_reported() {
        ForkedJvm.Result r = ForkedJvm.main(QuickLeak.class)
                .jvmArg("-XX:+DisableExplicitGC")
                .run()
                .assertSuccess();
        JsonValue json = r.json();
        assertTrue(json.get("jvm.gc.explicitGcDisabled").bool(), r.text());
        if (json.get("stats.findings").number() == 0) {
            assertTrue(r.text().contains("-XX:+DisableExplicitGC is set"), r.text());
        }
    }

    private static Map<String, String> signals(Map<String, JsonValue> found) {
        Map<String, String> m = new TreeMap<>();
        found.forEach((k, v) -> m.put(k, v.get("signal").string()));
        return m;
    }
}
