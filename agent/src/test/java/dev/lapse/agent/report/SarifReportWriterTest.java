package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.track.Signal;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {
    private static final Report REPORT = Reports.oneJvm();
    private static final String SARIF = ReportFormat.SARIF.render(REPORT);

    @Test
    void it_is_valid_sarif_2_1_0() throws Exception {
        JsonSchema schema;
        try (InputStream in = JsonSchema.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(SARIF));
        assertTrue(errors.isEmpty(), errors + "\n" + SARIF);
    }

    @Test
    void each_signal_is_a_rule_with_its_own_words_and_each_group_a_result_of_its_rule() {
        JsonValue run = JsonValue.parse(SARIF).get("runs").list().get(0);
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (JsonValue rule : run.get("tool.driver.rules").list()) {
            ids.add(rule.get("id").string());
            names.add(rule.get("name").string());
            Signal s = Signal.named(rule.get("id").string().substring("lapse/".length()));
            assertEquals(s.title(), rule.get("shortDescription.text").string());
            assertEquals(s.description(), rule.get("fullDescription.text").string());
            assertTrue(!rule.get("help.text").string().isBlank());
        }
        List<String> expected = new ArrayList<>();
        for (Signal s : Signal.values()) {
            expected.add("lapse/" + s.wireName());
        }
        assertEquals(expected, ids, "one rule per signal, in the order the groups first have it");
        assertEquals(names.size(), Set.copyOf(names).size(), "every rule has a name of its own: " + names);
        List<JsonValue> results = run.get("results").list();
        for (int i = 0; i < results.size(); i++) {
            JsonValue result = results.get(i);
            assertEquals(
                    ids.get((int) result.get("ruleIndex").number()),
                    result.get("ruleId").string());
            assertEquals(
                    REPORT.groups().get(i).signature(),
                    result.get("partialFingerprints")
                            .members()
                            .get("lapseSignature/v1")
                            .string());
        }
    }

    @Test
    void a_result_is_at_the_registration_line_and_relates_where_the_owner_ended() {
        JsonValue result = JsonValue.parse(SARIF)
                .get("runs")
                .list()
                .get(0)
                .get("results")
                .list()
                .get(0);
        JsonValue physical = result.get("locations").list().get(0).get("physicalLocation");
        assertEquals(
                "com/acme/ui/View.java", physical.get("artifactLocation.uri").string());
        assertEquals("SRCROOT", physical.get("artifactLocation.uriBaseId").string());
        assertEquals(42, physical.get("region.startLine").number());
        JsonValue related = result.get("relatedLocations").list().get(0);
        assertEquals(
                "The owner's life ended here: description-lifecycle-end",
                related.get("message.text").string());
        assertEquals(
                "summary-lifecycle-end. 3 registration(s) from this site, about 1.0 MB kept alive. Fix:"
                        + " fix-lifecycle-end",
                result.get("message.text").string());
        assertEquals(
                "code-lifecycle-end\nline-two-lifecycle-end",
                result.get("properties.fix").string());
    }
}
