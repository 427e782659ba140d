package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.lapse.agent.report.JsonValue;
import dev.lapse.agent.report.SharedReportDir;
import dev.lapse.it.scenario.ManyOfOneShape;
import dev.lapse.it.scenario.OwnerKinds;
import dev.lapse.it.scenario.Retained;
import dev.lapse.it.support.Chromium;
import dev.lapse.it.support.ForkedJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report formats a person or a tool looks at: HTML in a real browser, SARIF against the SARIF 2.1.0 schema,
 * the text chain, the retained size that orders the groups, and merging the reports of several JVMs.
 */
class ReportFormatsIT {
    private static final String ALL = "formats=json:txt:html:sarif";
    private static ForkedJvm.Result ownerKinds;

    @BeforeAll
    static void run() {
        ownerKinds = ForkedJvm.main(OwnerKinds.class).agentOptions(ALL).run().assertSuccess();
    }

    @Test
    void only_json_and_text_unless_asked() {
        ForkedJvm.Result r = ForkedJvm.main(Retained.class).run().assertSuccess();
        assertTrue(Files.isRegularFile(r.reportDir.resolve("lapse-report.json")));
        assertTrue(Files.isRegularFile(r.reportDir.resolve("lapse-report.txt")));
        assertFalse(Files.exists(r.reportDir.resolve("lapse-report.html")));
        assertFalse(Files.exists(r.reportDir.resolve("lapse-report.sarif")));
        assertEquals("json:txt", r.json().get("options.formats").string());

        ForkedJvm.Result html = ForkedJvm.main(Retained.class)
                .agentOptions("formats=html")
                .run()
                .assertSuccess();
        assertTrue(Files.isRegularFile(html.reportDir.resolve("lapse-report.html")));
        assertFalse(Files.exists(html.reportDir.resolve("lapse-report.json")));
    }

    @Test
    void a_bad_format_stops_the_jvm_naming_it() {
        ForkedJvm.Result r =
                ForkedJvm.main(Retained.class).agentOptions("formats=json:pdf").run();
        assertTrue(r.exitCode != 0, r.toString());
        assertTrue(
                r.stderr.contains("option 'formats' has 'pdf', which is not one of json, txt, html, sarif"), r.stderr);
    }

    @Test
    void the_group_that_keeps_most_memory_alive_comes_first() {
        ForkedJvm.Result r = ForkedJvm.main(Retained.class).run().assertSuccess();
        List<JsonValue> groups = r.findings();
        assertEquals(2, groups.size(), r.text());
        JsonValue image = groups.get(0);
        assertTrue(image.get("owner.class").string().endsWith("Retained$ImageView"), r.text());
        assertEquals(1, image.get("count").number());
        assertTrue(image.get("retained.bytes").number() >= 1 << 20, r.text());
        assertTrue(image.get("retained.bytes").number() < 1 << 21, r.text());
        assertTrue(image.get("retained.estimate").bool());
        JsonValue labels = groups.get(1);
        assertEquals(5, labels.get("count").number());
        assertTrue(labels.get("retained.bytes").number() < 4096, r.text());
        assertTrue(r.text().contains("x1  ~1.0 MB kept alive"), r.text());
    }

    @Test
    void groups_of_more_owners_than_the_size_sample_count_them_all_once_and_say_their_sizes_are_extrapolated() {
        ForkedJvm.Result r = ForkedJvm.main(ManyOfOneShape.class).run().assertSuccess();
        List<JsonValue> groups = r.findings();
        assertEquals(3, groups.size(), r.text());
        long buffersBytes = 0;
        for (JsonValue g : groups) {
            if (g.get("owner.class").string().endsWith("ManyOfOneShape$BufferView")) {
                assertEquals(1000, g.get("count").number(), r.text());
                buffersBytes += g.get("retained.bytes").number();
            } else {
                assertEquals(10, g.get("count").number(), r.text());
                // 10 views walked one by one: each itself and its own 1 KiB buffer (1,040 bytes with its header)
                assertTrue(g.get("retained.bytes").number() >= 10 * 1040, r.text());
                assertTrue(g.get("retained.bytes").number() < 10 * 1200, r.text());
            }
        }
        // each view and its buffer counted once across its two groups (1,000 views of which 256 are walked in the
        // group met first, the others counted at their mean), neither left out nor counted again in the other group
        assertTrue(buffersBytes >= 1000 * 1040, r.text());
        assertTrue(buffersBytes < 1000 * 1200, r.text());
        assertEquals(2010, r.json().get("stats.findings").number());
        List<String> notes =
                r.json().get("notes").list().stream().map(JsonValue::string).collect(Collectors.toList());
        assertTrue(
                notes.contains("The retained sizes of 2 finding(s) of more than 256 registrations of one shape (API,"
                        + " classes, site) were walked for 256 of their owners and extrapolated to the others."),
                notes.toString());
    }

    @Test
    void text_draws_the_chain_one_line_per_hop_with_the_owner_last() {
        for (JsonValue g : ownerKinds.findings()) {
            List<JsonValue> chain = g.get("chain").list();
            assertEquals("owner", chain.get(chain.size() - 1).get("role").string(), g.toString());
            String block = block(ownerKinds.text(), g.get("signature").string());
            long hops = block.lines().filter(l -> l.contains("└─ ")).count();
            assertEquals(chain.size(), hops, block);
            List<String> lines = block.lines().filter(l -> l.contains("└─ ")).toList();
            assertTrue(lines.get(lines.size() - 1).contains("[owner, "), block);
        }
    }

    @Test
    void sarif_is_valid_sarif_2_1_0_with_one_result_per_group_at_the_registration_line() throws Exception {
        String sarif = Files.readString(ownerKinds.reportDir.resolve("lapse-report.sarif"), StandardCharsets.UTF_8);
        JsonSchema schema;
        try (InputStream in = JsonSchema.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(sarif));
        assertTrue(errors.isEmpty(), errors + "\n" + sarif);

        JsonValue run = JsonValue.parse(sarif).get("runs").list().get(0);
        List<JsonValue> groups = ownerKinds.findings();
        List<JsonValue> results = run.get("results").list();
        assertEquals(groups.size(), results.size());
        List<JsonValue> rules = run.get("tool.driver.rules").list();
        assertEquals(1, rules.size(), rules.toString());
        assertEquals("lapse/lifecycle-end", rules.get(0).get("id").string());
        assertFalse(rules.get(0).get("help.text").string().isBlank());
        for (int i = 0; i < groups.size(); i++) {
            JsonValue site = groups.get(i).get("registration.site").list().get(0);
            JsonValue result = results.get(i);
            assertEquals(
                    "lapse/" + groups.get(i).get("signal").string(),
                    result.get("ruleId").string());
            JsonValue physical = result.get("locations").list().get(0).get("physicalLocation");
            String className = site.get("class").string();
            String path = className.substring(0, className.lastIndexOf('.')).replace('.', '/') + "/"
                    + site.get("file").string();
            assertEquals(path, physical.get("artifactLocation.uri").string());
            assertEquals(
                    site.get("line").number(), physical.get("region.startLine").number());
            assertEquals(
                    groups.get(i).get("signature").string(),
                    result.get("partialFingerprints")
                            .members()
                            .get("lapseSignature/v1")
                            .string());
        }
    }

    @Test
    void html_shows_a_summary_and_a_diagram_per_group_in_a_real_browser() throws Exception {
        Chromium chromium = Chromium.require();
        Path html = ownerKinds.reportDir.resolve("lapse-report.html");
        int groups = ownerKinds.findings().size();
        assertTrue(groups >= 5, ownerKinds.text());

        Chromium.Page page = chromium.load(html);
        assertTrue(page.dom.contains("data-script=\"ready\""), "the page's script did not finish:\n" + page.log);
        assertFalse(page.dom.contains("data-script-errors=\""), page.dom);
        assertEquals(List.of(), page.scriptErrors());
        assertTrue(page.dom.contains("<b id=\"groups\">" + groups + "</b>"), page.dom);
        assertEquals(groups, page.count("<section class=\"group\""));
        assertEquals(groups, page.count("<svg class=\"chain\""));
        assertEquals(groups, page.count("class=\"node owner\""));
        assertEquals(groups, page.count("<button type=\"button\" class=\"copy\">"));
        assertFalse(
                page.dom.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "the page must not load anything from the network");
        assertFalse(page.dom.contains("https://"), "the page must not load anything from the network");

        Path shot = Paths.get("target", "lapse-html", "report.png");
        chromium.screenshot(html, shot, 1280, 1600);
        Files.copy(html, shot.resolveSibling("lapse-report.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void the_browser_check_sees_script_errors() throws Exception {
        Chromium chromium = Chromium.require();
        Path broken = Files.createTempFile("lapse-broken-", ".html");
        String page = Files.readString(ownerKinds.reportDir.resolve("lapse-report.html"), StandardCharsets.UTF_8)
                .replace("</body>", "<script>noSuchFunction();</script></body>");
        Files.writeString(broken, page, StandardCharsets.UTF_8);
        Chromium.Page loaded = chromium.load(broken);
        assertTrue(
                loaded.dom.contains("data-script-errors=\"noSuchFunction")
                        || loaded.dom.contains("data-script-errors=\"Uncaught ReferenceError"),
                loaded.dom);
    }

    @Test
    void merge_adds_the_counts_of_several_jvms_into_one_set_of_files() throws Exception {
        ForkedJvm.Result once = ForkedJvm.main(Retained.class).run().assertSuccess();
        ForkedJvm.Result twice = ForkedJvm.main(Retained.class).args("2").run().assertSuccess();
        Path out = Files.createTempDirectory("lapse-merged-");
        Path parent = Files.createTempDirectory("lapse-forks-");
        Files.move(twice.reportDir, parent.resolve("fork-2"));

        ForkedJvm.Result merge = lapse(
                "merge",
                "-o",
                out.toString(),
                once.reportDir.resolve("lapse-report.json").toString(),
                parent.toString());
        assertEquals(0, merge.exitCode, merge.toString());
        assertTrue(merge.stdout.contains("Merged 2 reports. 18 lapsed listeners in 2 groups."), merge.stdout);
        for (String f : List.of("json", "txt", "html", "sarif")) {
            assertTrue(Files.isRegularFile(out.resolve("lapse-report." + f)), f);
        }
        JsonValue merged = JsonValue.parse(Files.readString(out.resolve("lapse-report.json")));
        assertEquals(1, merged.get("schema").number());
        assertEquals(2, merged.get("sources").list().size());
        assertEquals(18, merged.get("stats.findings").number());
        assertEquals(18, merged.get("stats.registrationsSeen").number());
        assertEquals(2, merged.get("stats.groups").number());
        List<JsonValue> groups = merged.get("findings").list();
        JsonValue image = groups.get(0);
        assertTrue(image.get("owner.class").string().endsWith("Retained$ImageView"));
        assertEquals(3, image.get("count").number());
        assertEquals(2, image.get("reports").number());
        long onceBytes = once.findings().get(0).get("retained.bytes").number();
        assertTrue(image.get("retained.bytes").number() >= 3 * (1 << 20), merged.toJson());
        assertTrue(image.get("retained.bytes").number() > onceBytes);
        assertEquals(15, groups.get(1).get("count").number());
        assertTrue(Files.readString(out.resolve("lapse-report.txt")).contains("merged from 2 reports"));
    }

    @Test
    void jvms_sharing_out_leave_the_merged_report_of_the_run_and_drop_an_earlier_runs() throws Exception {
        Path out = Files.createTempDirectory("lapse-shared-");
        Path jvmsDir = SharedReportDir.workDirOf(out).resolve("jvms");
        Path stale = jvmsDir.resolve("1");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("run"), "1@an-earlier-build");
        Files.writeString(stale.resolve("lapse-report.json"), "{\"schema\": 1, \"findings\": []}");

        // two forks finishing together, as Surefire's forkCount=2 does: neither may lose the other's findings
        CompletableFuture<ForkedJvm.Result> once = CompletableFuture.supplyAsync(() -> ForkedJvm.main(Retained.class)
                .reportDir(out)
                .agentOptions("shared=true")
                .run());
        CompletableFuture<ForkedJvm.Result> twice = CompletableFuture.supplyAsync(() -> ForkedJvm.main(Retained.class)
                .args("2")
                .reportDir(out)
                .agentOptions("shared=true")
                .run());
        once.get().assertSuccess();
        twice.get().assertSuccess();

        assertFalse(Files.exists(stale), "the earlier run's report is deleted, not merged");
        try (Stream<Path> jvms = Files.list(jvmsDir)) {
            assertEquals(2, jvms.count());
        }
        assertEquals(Set.of("lapse-report.json", "lapse-report.txt"), fileNames(out), "nothing but the reports");
        JsonValue merged = JsonValue.parse(Files.readString(out.resolve("lapse-report.json")));
        assertEquals("merge", merged.get("jvm.mode").string());
        assertEquals(2, merged.get("sources").list().size(), merged.toJson());
        assertEquals(18, merged.get("stats.findings").number());
        assertTrue(Files.readString(out.resolve("lapse-report.txt")).contains("merged from 2 reports"));
        String log = once.get().stderr + twice.get().stderr;
        assertTrue(log.contains("Merged with the reports of 1 other JVM(s) of this run."), log);
    }

    @Test
    void report_files_are_readable_like_any_build_output() throws Exception {
        Path out = Files.createTempDirectory("lapse-umask-").resolve("reports");
        ForkedJvm.main(Retained.class)
                .umask("022")
                .reportDir(out)
                .agentOptions(ALL)
                .run()
                .assertSuccess();

        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        Set<String> files = fileNames(out);
        assertEquals(
                Set.of("lapse-report.json", "lapse-report.txt", "lapse-report.html", "lapse-report.sarif"),
                files,
                "nothing but the reports");
        for (String f : files) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))), f);
        }
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void merge_names_the_input_it_cannot_use() throws Exception {
        Path dir = Files.createTempDirectory("lapse-merge-bad-");
        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{\"schema\": 1,\n \"findings\": [ }");
        ForkedJvm.Result r = lapse("merge", "-o", dir.resolve("out").toString(), notJson.toString());
        assertEquals(1, r.exitCode, r.toString());
        assertEquals(1, r.stderr.strip().lines().count(), r.stderr);
        assertTrue(r.stderr.contains(notJson + ": not JSON: ") && r.stderr.contains("line 2"), r.stderr);

        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"schema\": 7, \"findings\": []}");
        r = lapse("merge", "-o", dir.resolve("out").toString(), other.toString());
        assertTrue(r.stderr.contains("report schema 7, this Lapse reads schema 1"), r.stderr);

        r = lapse(
                "merge",
                "-o",
                dir.resolve("out").toString(),
                dir.resolve("missing.json").toString());
        assertTrue(r.stderr.contains("no such file or directory"), r.stderr);

        r = lapse("merge", dir.toString());
        assertEquals(1, r.exitCode);
        assertTrue(r.stderr.contains("usage: merge -o DIR"), r.stderr);

        r = lapse("merge", "-o", dir.resolve("out").toString(), "--formats", "json:doc", other.toString());
        assertTrue(r.stderr.contains("--formats has 'doc'"), r.stderr);
    }

    private static ForkedJvm.Result lapse(String... args) {
        return ForkedJvm.jar(ForkedJvm.agentJar()).withoutAgent().args(args).run();
    }

    /** The text block of one group, from its header line to the next. */
    private static String block(String text, String signature) {
        int start = text.indexOf("signature " + signature);
        int end = text.indexOf("\n#", start);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
