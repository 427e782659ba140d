package dev.lapse.junit5;

import dev.lapse.Lapse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test that left a lapsed listener behind. Each test class and each test method is a Lapse scope:
 * registrations made on the test's thread (and threads it starts) belong to it. When the scope ends, owners
 * first registered in it should be dead; a registration on a subject that outlives the test (a static, a
 * shared fixture) that still holds one after a full collection is the test's finding.
 *
 * <p>Registered automatically (see {@link LapseSessionListener}); {@code @ExtendWith(LapseExtension.class)}
 * works too. Configuration parameters: {@code lapse.mode} ({@code fail}, {@code report}, {@code off}; default
 * {@code fail}), {@code lapse.check} ({@code method}, {@code class}; default {@code method}),
 * {@code lapse.signals} (comma-separated; default all); JUnit reads them from the system properties too.
 * {@link LapseCheck} overrides them per class or method. A value that is none of these fails the tests it applies
 * to with one line naming it and the valid values, with or without the agent. Without the agent it says once how
 * to add it and checks nothing.
 */
public final class LapseExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LapseExtension.class);
    private static final String BEGAN = "began";

    @Override
    public void beforeAll(ExtensionContext context) {
        begin(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        begin(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Settings s = end(context, "test " + describe(context));
        if (s != null && s.when() == LapseCheck.When.METHOD) {
            // deferred when no subject is known to outlive the test: most tests leave registrations only on
            // objects they made, and the class's check confirms those with one collection instead of one per test
            report(
                    context,
                    s,
                    Lapse.checkScope(
                            context.getUniqueId(),
                            false,
                            context.getTestInstance().orElse(null),
                            s.signals(),
                            true));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Settings s = end(context, "test class " + context.getRequiredTestClass().getSimpleName());
        if (s != null) {
            // the class's own registrations (@BeforeAll, static fixtures) and its methods' that were deferred or
            // are left unreported; a per-class test instance is still the scope's own
            report(
                    context,
                    s,
                    Lapse.checkScope(
                            context.getUniqueId(),
                            true,
                            context.getTestInstance().orElse(null),
                            s.signals(),
                            false));
        }
    }

    private static void begin(ExtensionContext context) {
        Settings s = Settings.of(context);
        if (s.mode() == LapseCheck.Mode.OFF || !agentLoaded()) {
            return;
        }
        context.getStore(NAMESPACE).put(BEGAN, new Began(Lapse.beginScope(context.getUniqueId()), s));
    }

    /** Ends the context's scope; returns its settings, or {@code null} when it was not checked. */
    private static Settings end(ExtensionContext context, String description) {
        Began began = context.getStore(NAMESPACE).remove(BEGAN, Began.class);
        if (began == null) {
            return null; // never began: off, or no agent
        }
        Lapse.endScope(context.getUniqueId(), description, began.previous);
        return began.settings;
    }

    /** A scope that began: the one it replaced on the thread ({@code null} for none) and its settings. */
    private static final class Began {
        final String previous;
        final Settings settings;

        Began(String previous, Settings settings) {
            this.previous = previous;
            this.settings = settings;
        }
    }

    private static void report(ExtensionContext context, Settings s, Optional<String> findings) {
        if (findings.isEmpty()) {
            return;
        }
        String message = "Lapse: " + describe(context) + " left lapsed listeners behind:\n" + findings.get();
        if (s.mode() == LapseCheck.Mode.FAIL) {
            throw new LapsedListenerError(message);
        }
        context.publishReportEntry("lapse", message);
        System.err.println(message);
    }

    /** {@code FooTest.opens()}, or {@code FooTest} for a class. */
    private static String describe(ExtensionContext context) {
        String type = context.getRequiredTestClass().getSimpleName();
        return context.getTestMethod().map(m -> type + "." + m.getName() + "()").orElse(type);
    }

    private static boolean agentLoaded() {
        if (Lapse.isAgentLoaded()) {
            return true;
        }
        if (TOLD.compareAndSet(false, true)) {
            System.err.println("Lapse: the agent is not loaded in this test JVM, so tests are not checked for lapsed"
                    + " listeners. Add -javaagent:/path/to/lapse-agent.jar to the test JVM's arguments (Surefire's"
                    + " argLine, Gradle's jvmArgs); see docs/test-runs.md.");
        }
        return false;
    }
}
