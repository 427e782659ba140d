package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.LongRunning;
import dev.lapse.it.support.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The command line against a JVM started without the agent: attach, leak, report, stop, and the errors. */
class AttachIT {
    private static ForkedJvm.Result lapse(String... args) {
        return ForkedJvm.jar(ForkedJvm.agentJar()).withoutAgent().args(args).run();
    }

    @Test
    void attach_report_and_stop_a_running_jvm() throws Exception {
        Path out = Files.createTempDirectory("lapse-attach-");
        Path asked = Files.createTempDirectory("lapse-attach-report-");
        try (ForkedJvm.Running app =
                ForkedJvm.main(LongRunning.class).withoutAgent().start()) {
            String pid = Long.toString(app.pid());
            app.await("ready");
            app.send("leak").await("done leak"); // before the attach: unknown to Lapse

            ForkedJvm.Result attach = lapse("attach", pid, "out=" + out);
            assertEquals(0, attach.exitCode, attach.toString());
            assertTrue(attach.stdout.contains("attached to pid " + pid), attach.stdout);

            ForkedJvm.Result again = lapse("attach", pid, "out=" + out);
            assertEquals(0, again.exitCode, again.toString());
            assertTrue(again.stdout.contains("already loaded"), again.stdout);

            app.send("leak").await("done leak");
            app.send("leak").await("done leak");

            ForkedJvm.Result report = lapse("report", pid, asked.toString());
            assertEquals(0, report.exitCode, report.toString());
            assertTrue(report.stdout.contains("2 lapsed listeners in 1 group"), report.stdout);
            assertTrue(report.stdout.contains(asked.resolve("lapse-report.txt").toString()), report.stdout);
            JsonValue json = JsonValue.parse(Files.readString(asked.resolve("lapse-report.json")));
            List<JsonValue> findings = json.get("findings").list();
            assertEquals(1, findings.size());
            assertEquals(
                    "dev.lapse.it.scenario.LongRunning$View",
                    findings.get(0).get("owner.class").string());
            assertEquals(2, findings.get(0).get("count").number());
            assertEquals("attach", json.get("jvm.mode").string());
            assertTrue(Files.readString(asked.resolve("lapse-report.txt"))
                    .contains("registrations made before" + " then are unknown"));

            ForkedJvm.Result defaultDir = lapse("report", pid);
            assertEquals(0, defaultDir.exitCode, defaultDir.toString());
            assertTrue(Files.isRegularFile(out.resolve("lapse-report.json")));

            ForkedJvm.Result stop = lapse("stop", pid);
            assertEquals(0, stop.exitCode, stop.toString());
            assertTrue(stop.stdout.contains("stopped"), stop.stdout);

            // the program keeps running, with its classes restored: Lapse is gone and sees nothing more
            app.send("leak").await("done leak");
            assertEquals("listeners 4", app.send("count").await("listeners"));
            ForkedJvm.Result afterStop = lapse("report", pid);
            assertNotEquals(0, afterStop.exitCode);
            assertTrue(afterStop.stderr.contains("Lapse is not running in pid " + pid), afterStop.stderr);

            // and it can be attached again
            ForkedJvm.Result reattach = lapse("attach", pid, "out=" + out);
            assertEquals(0, reattach.exitCode, reattach.toString());
            app.send("quit").await("bye");
            assertEquals(0, app.waitFor(), app.toString());
            assertTrue(!app.stderr().contains("Exception"), app.stderr());
        }
    }

    @Test
    void list_shows_a_running_jvm_and_whether_lapse_runs_in_it() throws Exception {
        try (ForkedJvm.Running app =
                ForkedJvm.main(LongRunning.class).withoutAgent().start()) {
            app.await("ready");
            ForkedJvm.Result list = lapse("list");
            assertEquals(0, list.exitCode, list.toString());
            String line = list.stdout
                    .lines()
                    .filter(l -> l.startsWith(app.pid() + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(list.stdout));
            assertTrue(line.contains(LongRunning.class.getName()), line);
            assertTrue(line.contains(" no "), line);
            app.send("quit").await("bye");
        }
    }

    @Test
    void errors_are_one_clear_line_and_a_non_zero_exit() throws Exception {
        assertError(lapse("attach", "abc"), "'abc' is not a process id");
        assertError(lapse("attach", "999999999"), "no process with pid 999999999");
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            assertError(lapse("attach", Long.toString(sleep.pid())), "is not a Java VM that accepts attach");
        } finally {
            sleep.destroyForcibly();
        }
        assertError(lapse("stop"), "usage: stop <pid>");
        assertError(lapse("frobnicate"), "unknown command 'frobnicate'");
    }

    @Test
    void a_bad_option_is_reported_and_the_target_keeps_running() throws Exception {
        try (ForkedJvm.Running app =
                ForkedJvm.main(LongRunning.class).withoutAgent().start()) {
            app.await("ready");
            ForkedJvm.Result attach = lapse("attach", Long.toString(app.pid()), "colour=blue");
            assertError(attach, "unknown option 'colour'");
            assertTrue(app.send("count").await("listeners").equals("listeners 0"));
            app.send("quit").await("bye");
        }
    }

    @Test
    void what_only_the_target_can_refuse_comes_back_in_one_line_and_the_target_runs_on() throws Exception {
        Path rules = Files.createTempFile("lapse-", ".rules");
        Files.writeString(rules, "owner=com.acme.View frobnicate\n");
        Path file = Files.createTempFile("lapse-", ".file");
        Path out = Files.createTempDirectory("lapse-attach-");
        // the flag keeps JDK 21+'s warnings about dynamically loaded agents out of the target's standard error
        try (ForkedJvm.Running app = ForkedJvm.main(LongRunning.class)
                .withoutAgent()
                .jvmArg("-XX:+EnableDynamicAgentLoading")
                .start()) {
            String pid = Long.toString(app.pid());
            app.await("ready");

            ForkedJvm.Result badRule = lapse("attach", pid, "out=" + out + ",rules=" + rules);
            assertError(badRule, "option 'rules' names a file with a bad rule: " + rules + ":1: 'frobnicate'");
            assertEquals(1, badRule.exitCode, badRule.toString());
            assertTrue(badRule.stderr.startsWith("lapse attach: option 'rules'"), badRule.toString());

            ForkedJvm.Result badOut = lapse("attach", pid, "out=" + file.resolve("out"));
            assertError(badOut, "option 'out' names " + file.resolve("out") + ", which cannot be created");

            app.send("leak").await("done leak");
            assertEquals("listeners 1", app.send("count").await("listeners"), "the target runs on, as it was");

            // a later attach with good options starts, with no trace of the refusals
            ForkedJvm.Result good = lapse("attach", pid, "out=" + out);
            assertEquals(0, good.exitCode, good.toString());
            assertTrue(good.stdout.contains("attached to pid " + pid), good.stdout);
            app.send("quit").await("bye");
            assertEquals(0, app.waitFor(), app.toString());
            assertEquals(
                    List.of(
                            "[lapse] ERROR " + badRule.stderr.strip().substring("lapse attach: ".length()),
                            "[lapse] ERROR " + badOut.stderr.strip().substring("lapse attach: ".length())),
                    app.stderr()
                            .lines()
                            .filter(l -> !l.startsWith("[lapse] ") || l.contains("ERROR"))
                            .toList(),
                    "the target says each refusal in its one line and nothing else\n" + app.stderr());
        }
    }

    @Test
    void a_jdk_21_target_that_refuses_dynamic_agents_gets_the_flag_named() throws Exception {
        String configured = System.getProperty("lapse.test.java", "");
        boolean forksThisJdk = configured.isBlank() || configured.startsWith("${");
        Assumptions.assumeTrue(
                Runtime.version().feature() >= 21 && forksThisJdk, "needs the forked JVM to be JDK 21 or newer");
        try (ForkedJvm.Running app = ForkedJvm.main(LongRunning.class)
                .withoutAgent()
                .jvmArg("-XX:-EnableDynamicAgentLoading")
                .start()) {
            app.await("ready");
            assertError(lapse("attach", Long.toString(app.pid())), "-XX:+EnableDynamicAgentLoading (JEP 451)");
            app.send("quit").await("bye");
        }
    }

    private static void assertError(ForkedJvm.Result r, String message) {
        assertNotEquals(0, r.exitCode, r.toString());
        assertTrue(r.stderr.contains(message), r.toString());
        assertEquals(1, r.stderr.strip().lines().count(), "one line: " + r.stderr);
    }
}
