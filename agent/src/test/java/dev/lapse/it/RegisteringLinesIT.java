package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.RegisteringLines;
import dev.lapse.it.support.ForkedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registration site is the registering line in every code shape, whether the call had a site id given at
 * instrumentation time or walked the stack (reflection): each line's registrations are one group, past the
 * sampled ones too, and a line reached through two paths lists both.
 */
class RegisteringLinesIT {
    private static final String S = "dev.lapse.it.scenario.RegisteringLines$";
    private static final Path SOURCE = Path.of("src/test/java/dev/lapse/it/scenario/RegisteringLines.java");

    private static ForkedJvm.Result result;
    private static List<String> source;

    @BeforeAll
    static void run() throws IOException {
        result = ForkedJvm.main(RegisteringLines.class).run().assertSuccess();
        source = Files.readAllLines(SOURCE);
    }

    @Test
    void one_line_reached_through_two_paths_is_one_group_at_that_line_listing_both_paths() {
        JsonValue f = group("Row", "Subjects$Model#addChangeListener");
        assertTop(f, "Row", "bind", "row-model");
        assertEquals(RegisteringLines.TIMES, (int) f.get("count").number(), result.text());
        List<String> callers = pathCallers(f);
        assertTrue(callers.contains("openFromMenu"), callers + "\n" + result.text());
        assertTrue(callers.contains("openFromToolbar"), callers + "\n" + result.text());
    }

    @Test
    void the_same_line_registering_on_property_change_support_is_one_group_at_that_line() {
        JsonValue f = group("Row", "java.beans.PropertyChangeSupport#addPropertyChangeListener");
        assertTop(f, "Row", "bind", "row-beans");
        assertEquals(RegisteringLines.TIMES, (int) f.get("count").number(), result.text());
    }

    @Test
    void a_lambda_is_registered_at_its_line() {
        JsonValue f = group("Panel", "Subjects$Model#addChangeListener");
        assertTop(f, "Panel", "open", "panel-lambda");
        assertEquals(RegisteringLines.TIMES, (int) f.get("count").number(), result.text());
    }

    @Test
    void one_named_listener_class_registered_at_two_lines_is_two_groups_one_per_line() {
        List<JsonValue> forms = groups("Form");
        assertEquals(2, forms.size(), result.text());
        List<Integer> lines = forms.stream()
                .map(f -> (int)
                        f.get("registration.site").list().get(0).get("line").number())
                .sorted()
                .collect(Collectors.toList());
        assertEquals(List.of(line("form-name"), line("form-age")), lines, result.text());
        for (JsonValue f : forms) {
            assertEquals(RegisteringLines.TIMES, (int) f.get("count").number(), result.text());
        }
    }

    @Test
    void a_registration_through_reflection_walks_the_stack_to_its_line() {
        JsonValue f = group("Gadget", "Subjects$Model#addChangeListener");
        assertTop(f, "Gadget", "attach", "gadget-reflection");
        assertEquals(RegisteringLines.TIMES, (int) f.get("count").number(), result.text());
        assertTrue(f.get("registration.paths").list().isEmpty(), "no call-site id, no sampled paths\n" + result.text());
    }

    private static JsonValue group(String owner, String method) {
        List<JsonValue> matching = groups(owner).stream()
                .filter(f -> f.get("registration.method").string().endsWith(method))
                .collect(Collectors.toList());
        assertEquals(1, matching.size(), owner + " " + method + "\n" + result.text());
        return matching.get(0);
    }

    private static List<JsonValue> groups(String owner) {
        return result.findings().stream()
                .filter(f -> f.get("owner.class").string().equals(S + owner))
                .collect(Collectors.toList());
    }

    private static void assertTop(JsonValue f, String simpleClass, String method, String marker) {
        List<JsonValue> frames = f.get("registration.site").list();
        assertFalse(frames.isEmpty(), result.text());
        JsonValue top = frames.get(0);
        assertEquals(S + simpleClass, top.get("class").string(), result.text());
        assertEquals(method, top.get("method").string(), result.text());
        assertEquals("RegisteringLines.java", top.get("file").string(), result.text());
        assertEquals(line(marker), (int) top.get("line").number(), result.text());
    }

    /** The methods one frame below the registering one, in every path the report lists. */
    private static List<String> pathCallers(JsonValue f) {
        List<JsonValue> all = f.get("registration.paths").list();
        assertFalse(all.isEmpty(), "paths are listed when more than one reached the line\n" + result.text());
        return all.stream().map(p -> p.list().get(1).get("method").string()).collect(Collectors.toList());
    }

    private static int line(String marker) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).endsWith("// site: " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked " + marker + " in " + SOURCE);
    }
}
