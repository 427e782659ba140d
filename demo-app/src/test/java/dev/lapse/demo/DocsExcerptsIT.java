package dev.lapse.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.support.ForkedJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every output excerpt in README.md and docs/*.md is checked against the demo's real report, so that an excerpt
 * cannot go stale: change what the report prints and this test fails until the docs say the same.
 *
 * <p>An excerpt is a fenced code block right after a marker (blank lines between them are allowed):
 * <pre>
 * &lt;!-- excerpt: demo-text summary --&gt;           the text report's first block: its title and summary line
 * &lt;!-- excerpt: demo-text group=ProgressPanel --&gt;  the text report's block of one finding group
 * &lt;!-- excerpt: demo-sarif group=ProgressPanel --&gt; that group's SARIF result
 * &lt;!-- excerpt: demo-fixed-text summary --&gt;     the same, from the demo run with --fixed
 * &lt;!-- excerpt: example-log NAME --&gt;            a build's output, checked by examples/NAME/verify.groovy
 * </pre>
 * {@code demo} is the demo as {@code scripts/demo.sh} runs it (same agent options), {@code demo-fixed} the same
 * with {@code --fixed}. A group is named by its owner's simple class name, or by a signal only one group has.
 * The excerpt must match the selected block line by line, whole; a line that is only {@code …} (or {@code ...})
 * stands for any number of lines left out. Common indentation is ignored, and so is trailing white space and the
 * comma after a JSON object. Only what differs between runs is normalised, on both sides: timestamps, the pid,
 * retained sizes (estimates) and the array or hash-table index of a chain step. Signatures and the demo's line
 * numbers are stable and are compared as they are.
 *
 * <p>A code block that looks like report output (a group's title line, a summary line, a SARIF rule id) must
 * carry a marker, so that no unchecked excerpt slips in.
 */
class DocsExcerptsIT {
    /** As scripts/demo.sh runs the demo, except {@code out}, which the harness sets. */
    private static final String DEMO_OPTIONS =
            "log=warn,formats=json:txt:html:sarif,accumulation=20,accumulationWindow=0s";

    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*excerpt:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+).*$");
    /** Lines that only report output has: an unmarked block with one of them is an unchecked excerpt. */
    private static final List<Pattern> OUTPUT_LINES = List.of(
            Pattern.compile("^#\\d+\\s+[a-z-]+\\s+x\\d+\\s"),
            Pattern.compile("(lapsed listeners? in \\d+ groups?|No lapsed listeners found)\\."),
            Pattern.compile("^Lapse \\S+ report, "),
            Pattern.compile("\"ruleId\"\\s*:\\s*\"lapse/"));

    /** One forked demo run per source, shared by the excerpts that name it. */
    private static final Map<String, ForkedJvm.Result> RUNS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> every_excerpt_matches_the_real_output() {
        List<Excerpt> excerpts = excerpts();
        assertFalse(excerpts.isEmpty(), "no <!-- excerpt: ... --> marker in README.md or docs/");
        return excerpts.stream().map(e -> DynamicTest.dynamicTest(e.where + " " + e.spec, () -> check(e)));
    }

    @Test
    void every_block_that_looks_like_report_output_is_a_checked_excerpt() {
        List<String> unmarked = new ArrayList<>();
        for (Path doc : docs()) {
            for (Block b : blocks(doc)) {
                if (b.marker == null
                        && b.lines.stream()
                                .anyMatch(l -> OUTPUT_LINES.stream()
                                        .anyMatch(p -> p.matcher(l).find()))) {
                    unmarked.add(b.where);
                }
            }
        }
        assertEquals(
                List.of(),
                unmarked,
                "code blocks that look like Lapse's output but carry no"
                        + " <!-- excerpt: ... --> marker (see DocsExcerptsIT for the forms)");
    }

    // ---- checking one excerpt

    private static void check(Excerpt e) {
        String[] words = e.spec.split("\\s+");
        if (words.length != 2) {
            fail(e.where + ": a marker is '<!-- excerpt: SOURCE-FORMAT SELECTOR -->', not '" + e.spec + "'");
        }
        int dash = words[0].lastIndexOf('-');
        String source = dash < 0 ? "" : words[0].substring(0, dash);
        String format = dash < 0 ? words[0] : words[0].substring(dash + 1);
        String selector = words[1];
        if (source.equals("example") && format.equals("log")) {
            checkedByExample(e, selector);
            return;
        }
        ForkedJvm.Result run = run(source, e);
        List<String> real;
        if (format.equals("text") && selector.equals("summary")) {
            real = paragraphs(lines(run.text())).get(0);
        } else if (format.equals("text") && selector.startsWith("group=")) {
            String signature = signature(run, selector.substring("group=".length()), e);
            real = only(
                    paragraphs(lines(run.text())),
                    block -> block.stream().anyMatch(l -> l.contains(signature)),
                    "the text report's block with signature " + signature,
                    e);
        } else if (format.equals("sarif") && selector.startsWith("group=")) {
            String signature = signature(run, selector.substring("group=".length()), e);
            real = only(
                    sarifResults(read(run.reportDir.resolve("lapse-report.sarif"))),
                    block -> block.stream().anyMatch(l -> l.contains("\"lapseSignature/v1\": \"" + signature + "\"")),
                    "the SARIF result with signature " + signature,
                    e);
        } else {
            throw new AssertionError(e.where + ": unknown excerpt '" + e.spec + "'; formats: text (summary,"
                    + " group=NAME), sarif (group=NAME)");
        }
        String mismatch = mismatch(normalised(e.lines), normalised(real));
        if (mismatch != null) {
            fail(e.where + " (" + e.spec + ") no longer matches the real output: " + mismatch
                    + "\n---- the real output, to copy into the docs:\n" + String.join("\n", dedent(real))
                    + "\n---- the excerpt:\n" + String.join("\n", e.lines));
        }
    }

    /**
     * A build's output (the Maven plugin's goals at work) exists only once the examples module built that example,
     * after this module: its verify.groovy compares the excerpt with the build's log, and this asserts it does.
     */
    private static void checkedByExample(Excerpt e, String example) {
        Path verify = root().resolve("examples").resolve(example).resolve("verify.groovy");
        assertTrue(
                Files.isRegularFile(verify) && read(verify).contains("excerpt: example-log " + example),
                e.where + ": no examples/" + example + "/verify.groovy that checks this excerpt against its build");
    }

    private static ForkedJvm.Result run(String source, Excerpt e) {
        List<String> args;
        switch (source) {
            case "demo":
                args = List.of();
                break;
            case "demo-fixed":
                args = List.of("--fixed");
                break;
            default:
                throw new AssertionError(
                        e.where + ": unknown source '" + source + "' in '" + e.spec + "'; sources: demo, demo-fixed");
        }
        return RUNS.computeIfAbsent(source, s -> {
            Path jar = Paths.get(System.getProperty("lapse.demo.jar", "target/lapse-demo.jar"));
            return ForkedJvm.jar(jar)
                    .agentOptions(DEMO_OPTIONS)
                    .args(args.toArray(new String[0]))
                    .run()
                    .assertSuccess();
        });
    }

    /** The signature of the one group whose owner's simple class name is {@code name}, or whose signal it is. */
    private static String signature(ForkedJvm.Result run, String name, Excerpt e) {
        List<JsonValue> findings = run.findings();
        List<JsonValue> byOwner = findings.stream()
                .filter(f -> simpleName(f.get("owner.class").string()).equals(name))
                .collect(Collectors.toList());
        List<JsonValue> chosen = !byOwner.isEmpty()
                ? byOwner
                : findings.stream()
                        .filter(f -> name.equals(f.get("signal").string()))
                        .collect(Collectors.toList());
        if (chosen.size() != 1) {
            fail(e.where + ": group=" + name + " names " + chosen.size() + " groups of the report; its owners: "
                    + findings.stream()
                            .map(f -> simpleName(f.get("owner.class").string()) + " ("
                                    + f.get("signal").string() + ")")
                            .collect(Collectors.joining(", ")));
        }
        return chosen.get(0).get("signature").string();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static List<String> only(
            List<List<String>> blocks, java.util.function.Predicate<List<String>> which, String what, Excerpt e) {
        List<List<String>> found = blocks.stream().filter(which).collect(Collectors.toList());
        if (found.size() != 1) {
            fail(e.where + ": " + found.size() + " times " + what);
        }
        return found.get(0);
    }

    /** Blocks of lines separated by blank lines. */
    private static List<List<String>> paragraphs(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /** The objects of the SARIF file's {@code results} array, each as its lines, without the comma after it. */
    private static List<List<String>> sarifResults(String sarif) {
        List<String> lines = lines(sarif);
        List<List<String>> results = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("\"results\": [")) {
                start = i;
                break;
            }
        }
        assertTrue(start >= 0, "no results in the SARIF file:\n" + sarif);
        String item = " ".repeat(indent(lines.get(start)) + 2);
        List<String> current = null;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (current == null) {
                if (!line.startsWith(item + "{")) {
                    break; // the end of the array
                }
                current = new ArrayList<>();
            }
            current.add(line);
            if (line.equals(item + "}") || line.equals(item + "},")) {
                current.set(current.size() - 1, item + "}");
                results.add(current);
                current = null;
            }
        }
        return results;
    }

    // ---- matching

    /** Variation between runs, normalised the same way on both sides. */
    private static final List<Map.Entry<Pattern, String>> VARIES = List.of(
            Map.entry(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), "<time>"),
            Map.entry(Pattern.compile("\\bpid \\d+"), "pid <pid>"),
            Map.entry(Pattern.compile("(~|about )\\d+(\\.\\d+)? (B|KB|MB)\\b"), "$1<size>"),
            Map.entry(Pattern.compile("(\"(retainedBytes|bytes)\": )\\d+"), "$1<bytes>"),
            Map.entry(Pattern.compile("└─ \\[\\d+\\] → "), "└─ [<i>] → "));

    private static List<String> normalised(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : dedent(lines)) {
            String l = line.stripTrailing();
            for (Map.Entry<Pattern, String> v : VARIES) {
                l = v.getKey().matcher(l).replaceAll(v.getValue());
            }
            out.add(l);
        }
        return out;
    }

    private static boolean elision(String line) {
        String t = line.trim();
        return t.equals("…") || t.equals("...");
    }

    /** The lines without the indentation they all share; elisions and blank lines do not count. */
    private static List<String> dedent(List<String> lines) {
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank() && !elision(l)) {
                common = Math.min(common, indent(l));
            }
        }
        int cut = common == Integer.MAX_VALUE ? 0 : common;
        return lines.stream()
                .map(l -> elision(l) ? l.trim() : l.length() >= cut ? l.substring(cut) : "")
                .collect(Collectors.toList());
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * Why {@code excerpt} does not match {@code real} (whole, with elisions standing for any lines), or
     * {@code null} when it does. Segments between elisions are matched leftmost first, which finds a match when
     * there is one; the first segment is anchored at the start unless an elision comes first, the last at the end.
     */
    private static String mismatch(List<String> excerpt, List<String> real) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String l : excerpt) {
            if (elision(l)) {
                segments.add(current);
                current = new ArrayList<>();
            } else {
                current.add(l);
            }
        }
        segments.add(current);
        int at = 0;
        for (int s = 0; s < segments.size(); s++) {
            List<String> seg = segments.get(s);
            boolean first = s == 0;
            boolean last = s == segments.size() - 1;
            if (first && last) { // no elision: the whole block
                return seg.equals(real) ? null : firstDifference(seg, real, 0);
            }
            if (first) {
                if (!startsWith(real, 0, seg)) {
                    return firstDifference(seg, real, 0);
                }
                at = seg.size();
            } else if (last) {
                int from = real.size() - seg.size();
                if (from < at || !startsWith(real, from, seg)) {
                    return "its last lines (from '" + (seg.isEmpty() ? "" : seg.get(0)) + "') are not the end of"
                            + " the real block" + (from < at ? "" : ": " + firstDifference(seg, real, from));
                }
            } else {
                int found = -1;
                for (int i = at; i + seg.size() <= real.size(); i++) {
                    if (startsWith(real, i, seg)) {
                        found = i;
                        break;
                    }
                }
                if (found < 0) {
                    return "the lines from '" + seg.get(0) + "' are not in the real block (after its line " + at + ")";
                }
                at = found + seg.size();
            }
        }
        return null;
    }

    private static boolean startsWith(List<String> real, int from, List<String> seg) {
        return from >= 0
                && from + seg.size() <= real.size()
                && real.subList(from, from + seg.size()).equals(seg);
    }

    private static String firstDifference(List<String> seg, List<String> real, int from) {
        for (int i = 0; i < seg.size(); i++) {
            if (from + i >= real.size()) {
                return "the excerpt goes on after the real block ends: '" + seg.get(i) + "'";
            }
            if (!seg.get(i).equals(real.get(from + i))) {
                return "line " + (i + 1) + " of the excerpt is\n  '" + seg.get(i) + "'\nwhere the real output has\n  '"
                        + real.get(from + i) + "'";
            }
        }
        return "the real block goes on after the excerpt ends: '" + real.get(from + seg.size()) + "'";
    }

    // ---- the docs

    /** A marked code block: where it is, its marker, its lines. */
    private static final class Excerpt {
        final String where;
        final String spec;
        final List<String> lines;

        Excerpt(String where, String spec, List<String> lines) {
            this.where = where;
            this.spec = spec;
            this.lines = lines;
        }
    }

    /** Any fenced code block, and the marker before it or {@code null}. */
    private static final class Block {
        final String where;
        final String marker;
        final List<String> lines;

        Block(String where, String marker, List<String> lines) {
            this.where = where;
            this.marker = marker;
            this.lines = lines;
        }
    }

    private static List<Excerpt> excerpts() {
        List<Excerpt> excerpts = new ArrayList<>();
        for (Path doc : docs()) {
            for (Block b : blocks(doc)) {
                if (b.marker != null) {
                    excerpts.add(new Excerpt(b.where, b.marker, b.lines));
                }
            }
        }
        return excerpts;
    }

    /** The fenced code blocks of a Markdown file; a marker must be followed by one. */
    private static List<Block> blocks(Path doc) {
        List<String> lines = lines(read(doc));
        String name = root().relativize(doc).toString();
        List<Block> blocks = new ArrayList<>();
        String marker = null;
        int markerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = MARKER.matcher(line);
            Matcher fence = FENCE.matcher(line);
            if (m.matches()) {
                if (marker != null) {
                    fail(name + ":" + markerLine + ": an excerpt marker with no code block after it");
                }
                marker = m.group(1);
                markerLine = i + 1;
            } else if (fence.matches()) {
                int indent = fence.group(1).length();
                String close = fence.group(2);
                List<String> body = new ArrayList<>();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).trim().startsWith(close)) {
                    String l = lines.get(j);
                    body.add(l.substring(Math.min(indent, indent(l))));
                    j++;
                }
                blocks.add(new Block(name + ":" + (i + 1), marker, body));
                marker = null;
                i = j;
            } else if (!line.isBlank() && marker != null) {
                fail(name + ":" + markerLine + ": an excerpt marker must come right before its code block");
            }
        }
        if (marker != null) {
            fail(name + ":" + markerLine + ": an excerpt marker with no code block after it");
        }
        return blocks;
    }

    /** README.md and every Markdown file under docs/. */
    private static List<Path> docs() {
        Path root = root();
        List<Path> docs = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> walk = Files.walk(root.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The repository: the first directory up from the module that has README.md and docs/. */
    private static Path root() {
        Path dir = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("docs"))) {
                return d;
            }
        }
        throw new AssertionError("no README.md with docs/ above " + dir);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n", -1));
    }
}
