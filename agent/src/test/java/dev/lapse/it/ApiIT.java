package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.ApiCalls;
import dev.lapse.it.support.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code dev.lapse.Lapse} as applications get it: from the lapse-api jar on their own class path, never from the
 * agent jar (which does not carry it), reaching the agent through its bootstrap hook whether the agent was there
 * from the start or attached later.
 */
class ApiIT {

    @Test
    void expect_collected_from_the_api_jar_reaches_a_launched_agent() throws Exception {
        try (ForkedJvm.Running app = ForkedJvm.main(ApiCalls.class).start()) {
            app.await("ready");
            assertLoadedFromTheApiJar(app.send("where").await("where "), true);
            app.send("close").await("done close");
            assertOneExplicitFinding(app.send("report").await("report "));
            app.send("quit").await("bye");
            assertEquals(0, app.waitFor(), app.toString());
        }
    }

    @Test
    void expect_collected_from_the_api_jar_reaches_an_agent_attached_later() throws Exception {
        Path out = Files.createTempDirectory("lapse-api-attach-");
        try (ForkedJvm.Running app =
                ForkedJvm.main(ApiCalls.class).withoutAgent().start()) {
            String pid = Long.toString(app.pid());
            app.await("ready");
            assertLoadedFromTheApiJar(app.send("where").await("where "), false);
            app.send("close").await("done close"); // no agent yet: does nothing
            assertEquals("report none", app.send("report").await("report "));

            ForkedJvm.Result attach = ForkedJvm.jar(ForkedJvm.agentJar())
                    .withoutAgent()
                    .args("attach", pid, "out=" + out)
                    .run();
            assertEquals(0, attach.exitCode, attach.toString());

            // the class the application loaded before the agent came now reaches it
            assertLoadedFromTheApiJar(app.send("where").await("where "), true);
            app.send("close").await("done close");
            assertOneExplicitFinding(app.send("report").await("report "));
            app.send("quit").await("bye");
            assertEquals(0, app.waitFor(), app.toString());
        }
    }

    private static void assertLoadedFromTheApiJar(String where, boolean agent) {
        assertTrue(where.matches("where \\S*lapse-api[^/]*\\.jar loader true agent " + agent), where);
    }

    private static void assertOneExplicitFinding(String reportLine) throws Exception {
        Path dir = Path.of(reportLine.substring("report ".length()));
        JsonValue json = JsonValue.parse(Files.readString(dir.resolve("lapse-report.json")));
        List<JsonValue> findings = json.get("findings").list();
        assertEquals(1, findings.size(), json.toJson());
        JsonValue f = findings.get(0);
        assertEquals("explicit", f.get("signal").string());
        assertEquals("tab closed by the user", f.get("endOfLife.reason").string());
        assertEquals("dev.lapse.it.scenario.ApiCalls$Tab", f.get("owner.class").string());
        assertEquals(1, f.get("count").number());
    }
}
