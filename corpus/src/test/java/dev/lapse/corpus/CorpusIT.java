package dev.lapse.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.support.ForkedJvm;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the corpus, every variant in a forked JVM of its own with the real agent, the library's jars of that
 * version on its class path. The driver must see what the citation says (the affected version leaks its owner, the
 * fixed version and the control do not) with the agent and without it; Lapse must report nothing on the fixed
 * version and the control, and on the affected version exactly what the manifest's status says.
 */
class CorpusIT {
    /** {@code -Dcorpus.case=<id>} runs that case alone (its variants still all run); unset, every case runs. */
    private static final String ONLY = System.getProperty("corpus.case", "");

    @TestFactory
    Stream<DynamicContainer> every_case_in_every_variant() {
        assertTrue(
                ONLY.isEmpty() || Corpus.CASES.stream().anyMatch(c -> c.id().equals(ONLY)),
                "no case " + ONLY + " in the manifest");
        return Corpus.CASES.stream()
                .filter(c -> ONLY.isEmpty() || c.id().equals(ONLY))
                .map(c -> DynamicContainer.dynamicContainer(
                        c.id(), c.variants().stream().map(v -> DynamicTest.dynamicTest(v.label(), () -> check(c, v)))));
    }

    private static void check(CorpusCase c, Variant v) {
        // the run without the agent proves the driver's verdict is the library's, not Lapse's; the two JVMs run side
        // by side to keep the corpus short
        CompletableFuture<ForkedJvm.Result> withoutAgent =
                CompletableFuture.supplyAsync(() -> jvm(c, v).withoutAgent().run());
        ForkedJvm.Result r = jvm(c, v).run();
        ForkedJvm.Result plain = withoutAgent.join().assertSuccess();
        assertEquals(expectedVerdict(v), verdict(plain), "the driver without the agent\n" + plain);

        r.assertSuccess();
        assertEquals(expectedVerdict(v), verdict(r), "the driver with the agent\n" + r);
        List<JsonValue> findings = r.findings();
        if (!v.leaks()) {
            assertEquals(List.of(), describe(findings), "a false finding on the " + v.label() + " run\n" + r.text());
            return;
        }
        switch (c.status()) {
            case FOUND ->
                assertEquals(expected(c), describe(findings).stream().sorted().toList(), r.text());
            case MISSED ->
                assertEquals(
                        List.of(),
                        describe(findings),
                        "Lapse now reports the affected version of a case the manifest says it misses ("
                                + c.missReason() + "): update the manifest\n" + r.text());
        }
    }

    /** The groups a found case must have, as {@link #describe} writes them, sorted. */
    private static List<String> expected(CorpusCase c) {
        return Stream.concat(Stream.of(c.owner()), c.alsoOwners().stream())
                .map(owner ->
                        owner + " " + c.signal().wireName() + " " + c.fix().wireName())
                .sorted()
                .toList();
    }

    private static ForkedJvm jvm(CorpusCase c, Variant v) {
        return ForkedJvm.main(c.driver(), classPath(c, v)).args(v.args());
    }

    private static String expectedVerdict(Variant v) {
        return v.leaks() ? "leaked" : "collected";
    }

    /** The driver's last verdict line: what it saw through its weak reference to the owner. */
    private static String verdict(ForkedJvm.Result r) {
        return r.stdout
                .lines()
                .filter(l -> l.startsWith(Verdict.PREFIX))
                .map(l -> l.substring(Verdict.PREFIX.length()))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the driver printed no verdict\n" + r));
    }

    /** Each group as {@code owner signal fix}, the three facts a case expects. */
    private static List<String> describe(List<JsonValue> findings) {
        return findings.stream()
                .map(f -> f.get("owner.class").string() + " " + f.get("signal").string() + " "
                        + f.get("recommendation.kind").string())
                .collect(Collectors.toList());
    }

    /** The drivers' classes and the jars of this case's variant, nothing else. */
    private static String classPath(CorpusCase c, Variant v) {
        Path libs = Paths.get(System.getProperty("corpus.libs", "target/corpus-libs"), c.id(), v.libs());
        try (Stream<Path> jars = Files.list(libs)) {
            List<String> entries = jars.filter(p -> p.toString().endsWith(".jar"))
                    .map(Path::toString)
                    .sorted()
                    .collect(Collectors.toList());
            assertTrue(!entries.isEmpty(), "no jars in " + libs);
            return System.getProperty("corpus.classes", "target/classes")
                    + File.pathSeparator
                    + String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("no jars for " + c.id() + " " + v.label() + " in " + libs, e);
        }
    }
}
