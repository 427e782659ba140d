package dev.lapse.realcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.support.ForkedJvm;
import dev.lapse.realcode.web.Ending;
import dev.lapse.realcode.web.GreetingApplication;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Spring Boot web application (embedded Tomcat, Spring MVC, the container's own listeners) started with the real
 * agent on a loopback ephemeral port, served one request and ended: its report must be clean whichever moment the
 * exit comes at, since the agent's shutdown hook and Spring's run side by side in no fixed order.
 */
class SpringBootExitIT {

    // EXIT and EXIT_DURING_CLOSE check while Spring's teardown still runs on its shutdown hook's thread (or on main):
    // what that teardown has ended is not judged then (docs/signals.md, a teardown still running)
    @ParameterizedTest
    @EnumSource(value = Ending.class, mode = EnumSource.Mode.EXCLUDE, names = "WHEN_READY")
    void a_served_and_ended_application_leaves_a_clean_report(Ending ending) throws Exception {
        try (ForkedJvm.Running app = application(ending).start()) {
            String ready = app.await("ready port=");
            int port = Integer.parseInt(ready.substring("ready port=".length()));
            assertEquals("hello #1", get(port, "/hello"), app.toString());
            app.send("end");
            assertEquals(0, app.waitFor(), app.toString());
            assertClean(app.reportDir, app.toString());
        }
    }

    @Test
    void an_application_closed_as_soon_as_it_is_ready_leaves_a_clean_report() {
        ForkedJvm.Result r = application(Ending.WHEN_READY).run().assertSuccess();
        assertClean(r.reportDir, r.toString());
    }

    private static ForkedJvm application(Ending ending) {
        return ForkedJvm.main(GreetingApplication.class, classPath())
                .args(ending.name(), "--server.port=0", "--server.address=127.0.0.1");
    }

    private static void assertClean(Path reportDir, String run) {
        Path json = reportDir.resolve("lapse-report.json");
        assertTrue(Files.isRegularFile(json), "no report\n" + run);
        List<JsonValue> findings = JsonValue.parse(read(json)).get("findings").list();
        assertEquals(
                List.of(),
                findings.stream()
                        .map(f -> f.get("owner.class").string() + " "
                                + f.get("signal").string() + " on "
                                + f.get("subject.class").string())
                        .collect(Collectors.toList()),
                "a false finding on healthy code\n" + read(reportDir.resolve("lapse-report.txt")) + "\n" + run);
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The application's classes and its run-time jars, as Maven resolved them. */
    private static String classPath() {
        Path file = Path.of(System.getProperty("realcode.classpath", "target/app-classpath.txt"));
        return System.getProperty("realcode.classes", "target/classes")
                + File.pathSeparator
                + read(file).trim();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
