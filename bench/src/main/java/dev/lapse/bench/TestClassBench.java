package dev.lapse.bench;

import dev.lapse.bench.tests.CleanTestClass;
import dev.lapse.bench.tests.LeakyTestClass;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One JUnit test class of five tests run through the JUnit Platform launcher, as Surefire runs it. With the agent,
 * lapse-junit5 checks after every test; without it, the extension is not registered at all
 * ({@value #AUTODETECTION}{@code =false}), so the difference is Lapse's whole per-class cost. A run whose test
 * outcome is not the expected one (a false finding in the clean class, a missed one in the leaky class) fails the
 * benchmark instead of measuring something else.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class TestClassBench {
    /** JUnit's parameter that, set to {@code false} by the user, keeps lapse-junit5 from registering itself. */
    static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";

    private Launcher launcher;
    private boolean lapse;

    @Setup
    public void setUp() {
        launcher = LauncherFactory.create();
        lapse = System.getProperty("dev.lapse.agent.version") != null;
    }

    /** Five tests that close what they open: with Lapse, five checks that find nothing (no collection). */
    @Benchmark
    public long cleanClass() {
        return run(CleanTestClass.class, 0);
    }

    /** Four clean tests and one leaking: with Lapse, one full collection and one failed test. */
    @Benchmark
    public long leakyClass() {
        return run(LeakyTestClass.class, lapse ? 1 : 0);
    }

    private long run(Class<?> testClass, long expectedFailures) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(testClass))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary s = summary.getSummary();
        if (s.getTestsFoundCount() != 5 || s.getTotalFailureCount() != expectedFailures) {
            throw new IllegalStateException(testClass.getSimpleName() + ": " + s.getTestsFoundCount() + " tests, "
                    + s.getTotalFailureCount() + " failed, expected " + expectedFailures + " (agent "
                    + (lapse ? "on" : "off") + ")");
        }
        return s.getTestsSucceededCount();
    }
}
