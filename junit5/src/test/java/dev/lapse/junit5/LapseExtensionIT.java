package dev.lapse.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.agent.track.Signal;
import dev.lapse.it.support.ForkedJvm;
import dev.lapse.junit5.fixtures.FixtureRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Fixture test classes run through the JUnit Platform launcher in a forked JVM with the real agent jar and this
 * module on the class path, with no annotation or configuration unless a test says so: the leaking test fails
 * with the text finding, the others pass.
 */
class LapseExtensionIT {

    @Test
    void the_test_that_leaked_fails_with_the_finding_and_the_others_pass() {
        Run run = run(true, "dev.lapse.junit5.fixtures.LeakyFixture");
        assertEquals("FAILED", run.status("LeakyFixture.leaks()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("LeakyFixture.cleansUp()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("LeakyFixture.listensToItsOwnBus()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("LeakyFixture"), run.toString());

        String message = run.message("LeakyFixture.leaks()");
        assertTrue(
                message.startsWith(LapsedListenerError.class.getName() + ": Lapse: LeakyFixture.leaks() left"
                        + " lapsed listeners behind:"),
                message);
        assertTrue(message.contains("scope-end  x1"), message);
        assertTrue(
                message.contains("Bus.View is kept alive by Bus after it was left behind by test LeakyFixture.leaks()"),
                message);
        assertTrue(
                message.contains("registered  dev.lapse.junit5.fixtures.Bus#addListener at Bus.View.<init> (Bus.java:"),
                message);
        assertTrue(message.contains("[owner, left behind by test LeakyFixture.leaks()]"), message);
        assertTrue(message.contains("at LeakyFixture.leaks (LeakyFixture.java:"), message);
        assertFalse(message.contains("org.junit") || message.contains("ReflectionUtils"), message);
        assertTrue(message.contains("bus.removeListener(listener);"), message);

        JsonValue report = run.jvm.json();
        List<JsonValue> groups = report.get("findings").list();
        assertFalse(groups.isEmpty(), run.jvm.text());
        assertEquals("scope-end", groups.get(0).get("signal").string());
    }

    @Test
    void a_thread_the_test_started_registers_for_the_test() {
        Run run = run(true, "dev.lapse.junit5.fixtures.LeakyFixture");
        assertEquals("FAILED", run.status("LeakyFixture.leaksFromAThreadItStarted()"), run.toString());
        assertTrue(run.message("LeakyFixture.leaksFromAThreadItStarted()").contains("x1"), run.toString());
    }

    @Test
    void per_class_checking_fails_the_class_and_names_the_method() {
        Run run = run(true, "dev.lapse.junit5.fixtures.ClassModeFixture");
        assertEquals("SUCCESSFUL", run.status("ClassModeFixture.first()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("ClassModeFixture.second()"), run.toString());
        assertEquals("FAILED", run.status("ClassModeFixture"), run.toString());
        String message = run.message("ClassModeFixture");
        assertTrue(message.contains("left behind by test ClassModeFixture.first()"), message);
        assertFalse(message.contains("second()"), message);
    }

    @Test
    void a_leak_onto_a_subject_not_known_to_outlive_the_test_fails_the_class_naming_the_method() {
        Run run = run(true, "dev.lapse.junit5.fixtures.DeferredFixture");
        assertEquals("SUCCESSFUL", run.status("DeferredFixture.leaksOntoAServiceBus()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("DeferredFixture.opensViewsOnItsOwnBuses()"), run.toString());
        assertEquals("FAILED", run.status("DeferredFixture"), run.toString());
        String message = run.message("DeferredFixture");
        assertTrue(message.contains("Lapse: DeferredFixture left lapsed listeners behind:"), message);
        assertTrue(message.contains("scope-end  x1"), message);
        assertTrue(message.contains("left behind by test DeferredFixture.leaksOntoAServiceBus()"), message);
        assertTrue(message.contains("at DeferredFixture.leaksOntoAServiceBus (DeferredFixture.java:"), message);
        assertFalse(message.contains("opensViewsOnItsOwnBuses"), message);
    }

    @Test
    void report_mode_passes_and_publishes_and_off_checks_nothing() {
        Run run = run(true, "dev.lapse.junit5.fixtures.ReportModeFixture");
        assertEquals("SUCCESSFUL", run.status("ReportModeFixture.leaksButPasses()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("ReportModeFixture.notChecked()"), run.toString());
        assertTrue(run.jvm.stdout.contains("ENTRY ReportModeFixture.leaksButPasses() [lapse]"), run.toString());
        assertFalse(run.jvm.stdout.contains("ENTRY ReportModeFixture.notChecked()"), run.toString());
        assertTrue(
                run.jvm.stderr.contains("Lapse: ReportModeFixture.leaksButPasses() left lapsed listeners"),
                run.toString());
    }

    @Test
    void configuration_parameters_set_the_mode_and_the_signals() {
        Run report = run(true, "dev.lapse.junit5.fixtures.LeakyFixture", "lapse.mode=report");
        assertEquals("SUCCESSFUL", report.status("LeakyFixture.leaks()"), report.toString());

        Run otherSignal = run(true, "dev.lapse.junit5.fixtures.LeakyFixture", "lapse.signals=lifecycle-end");
        assertEquals("SUCCESSFUL", otherSignal.status("LeakyFixture.leaks()"), otherSignal.toString());

        Run bad = run(true, "dev.lapse.junit5.fixtures.LeakyFixture", "lapse.check=sometimes");
        assertEquals("FAILED", bad.status("LeakyFixture"), bad.toString());
        assertTrue(
                bad.message("LeakyFixture")
                        .contains(
                                "configuration parameter 'lapse.check' has bad value 'sometimes': expected one of method, class"),
                bad.toString());
    }

    @Test
    void a_mistyped_signal_in_a_system_property_fails_the_run_naming_it_and_the_signals() {
        Run run = new Run(ForkedJvm.main(FixtureRunner.class, System.getProperty("java.class.path"))
                .jvmArg("-Dlapse.signals=scope-end,lifecycle-ned")
                .args("dev.lapse.junit5.fixtures.LeakyFixture")
                .agentOptions("log=warn")
                .run()
                .assertSuccess());
        assertEquals("FAILED", run.status("LeakyFixture"), run.toString());
        assertNull(run.status("LeakyFixture.leaks()"), "no test runs unchecked\n" + run);
        assertEquals(
                ExtensionConfigurationException.class.getName() + ": Lapse: configuration parameter 'lapse.signals'"
                        + " has 'lifecycle-ned', which is not a signal (did you mean 'lifecycle-end'? one of "
                        + Signal.names() + "; separate several with ',')",
                run.message("LeakyFixture"));
    }

    @Test
    void mistyped_settings_fail_the_tests_they_apply_to_even_without_the_agent() {
        Run annotated = run(false, "dev.lapse.junit5.fixtures.MistypedFixture");
        assertEquals("FAILED", annotated.status("MistypedFixture.leaks()"), annotated.toString());
        assertEquals(
                ExtensionConfigurationException.class.getName() + ": Lapse: @LapseCheck(signals) on"
                        + " MistypedFixture.leaks() has 'lifecycle-ned', which is not a signal (did you mean"
                        + " 'lifecycle-end'? one of " + Signal.names() + "; separate several with ',')",
                annotated.message("MistypedFixture.leaks()"));

        // the fixture's annotations set the mode everywhere, and the mistyped parameter still fails it
        Run overridden = run(false, "dev.lapse.junit5.fixtures.ReportModeFixture", "lapse.mode=reprot");
        assertEquals("FAILED", overridden.status("ReportModeFixture"), overridden.toString());
        assertEquals(
                ExtensionConfigurationException.class.getName() + ": Lapse: configuration parameter 'lapse.mode'"
                        + " has bad value 'reprot': expected one of fail, report, off (did you mean 'report'?)",
                overridden.message("ReportModeFixture"));
    }

    @Test
    void parallel_tests_each_get_their_own_findings() {
        Run run = run(
                true,
                "dev.lapse.junit5.fixtures.ParallelFixture",
                "junit.jupiter.execution.parallel.enabled=true",
                "junit.jupiter.execution.parallel.config.strategy=fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism=4");
        assertEquals("FAILED", run.status("ParallelFixture.leaksA()"), run.toString());
        assertEquals("FAILED", run.status("ParallelFixture.leaksC()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("ParallelFixture.cleanB()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("ParallelFixture.cleanD()"), run.toString());
        assertTrue(run.message("ParallelFixture.leaksA()").contains("x1"), run.toString());
        assertFalse(run.message("ParallelFixture.leaksA()").contains("leaksC"), run.toString());
    }

    @Test
    void without_the_agent_it_says_how_to_add_it_once_and_fails_nothing() {
        Run run = run(false, "dev.lapse.junit5.fixtures.LeakyFixture", "dev.lapse.junit5.fixtures.ClassModeFixture");
        assertEquals("SUCCESSFUL", run.status("LeakyFixture.leaks()"), run.toString());
        assertEquals("SUCCESSFUL", run.status("ClassModeFixture"), run.toString());
        int told = run.jvm.stderr.split("the agent is not loaded in this test JVM", -1).length - 1;
        assertEquals(1, told, run.jvm.stderr);
        assertTrue(run.jvm.stderr.contains("-javaagent:"), run.jvm.stderr);
    }

    private static Run run(boolean agent, String... args) {
        ForkedJvm jvm = ForkedJvm.main(FixtureRunner.class, System.getProperty("java.class.path"))
                .args(args);
        if (!agent) {
            jvm.withoutAgent();
        }
        return new Run(jvm.agentOptions("log=warn").run().assertSuccess());
    }

    /** The runner's output, by test. */
    private static final class Run {
        final ForkedJvm.Result jvm;
        final Map<String, String> status = new LinkedHashMap<>();
        final Map<String, String> messages = new LinkedHashMap<>();

        Run(ForkedJvm.Result jvm) {
            this.jvm = jvm;
            String current = null;
            List<String> message = new ArrayList<>();
            boolean inMessage = false;
            for (String line : jvm.stdout.split("\n")) {
                if (inMessage) {
                    if (line.equals("END")) {
                        messages.put(current, String.join("\n", message));
                        message.clear();
                        inMessage = false;
                    } else {
                        message.add(line);
                    }
                } else if (line.startsWith("RESULT ")) {
                    int space = line.lastIndexOf(' ');
                    current = line.substring("RESULT ".length(), space);
                    status.put(current, line.substring(space + 1));
                } else if (line.startsWith("MESSAGE ")) {
                    inMessage = true;
                    message.add(line.substring("MESSAGE ".length()));
                }
            }
        }

        String status(String test) {
            return status.get(test);
        }

        String message(String test) {
            return messages.getOrDefault(test, "");
        }

        @Override
        public String toString() {
            return status + "\n" + jvm;
        }
    }
}
