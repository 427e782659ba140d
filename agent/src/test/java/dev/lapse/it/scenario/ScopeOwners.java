package dev.lapse.it.scenario;

import dev.lapse.Lapse;
import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tests, as lapse-junit5 scopes them, that leave registrations whose owners outlive them, in the shapes published
 * suites have, each with its twin that is a real leak. Not leaks: a logging context the first test that logs made,
 * which the log manager's loggers keep (a JVM-wide object that listens to its own configuration); a context a
 * static cache keeps, with its shutdown hook; a listener a class's static initialiser registered, first loaded by a
 * test; a builder and its result listening to each other, which a recorder keeps (as a mocking library keeps what
 * its mocks were called with); a controller a mock listens to, kept by what a mock maker keeps for the mock under a
 * weak key (the event's source in its recorded call); a periodic timer task cancelled and still queued until its next time, on a JVM-wide
 * timer. Leaks: a panel left on a JVM-wide configuration, a context with a shutdown hook nothing else keeps, an
 * introspector a test registered, a builder left on the JVM-wide configuration, a mock left on it, a listener left on
 * the context an earlier test cached (a subject that test left, yet JVM-wide), a periodic task never cancelled.
 * Each test is checked when it ends and prints what its check found; the cancelled task is left to the JVM's check.
 */
public final class ScopeOwners {
    /** A JVM-wide configuration, as a library's default one. */
    static final Model SHARED = new Model();

    static final Timer TIMER = new Timer("scope-owners-timer", true);

    private static final long HOUR = 3_600_000;

    static {
        // the timer's thread waits for this task, due first: a cancelled task behind it stays queued (a timer drops
        // a cancelled task only when it comes first, and its thread may come first at any time while it starts)
        TIMER.schedule(
                new TimerTask() {
                    @Override
                    public void run() {}
                },
                HOUR / 2);
    }

    private ScopeOwners() {}

    /** A logging context: listens to its own configuration, which only it holds. */
    public static final class LoggingContext implements ChangeListener {
        final Model configuration = new Model();

        LoggingContext() {
            configuration.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}
    }

    /** A logger holds its context. */
    public static final class Logger {
        final LoggingContext context;

        Logger(LoggingContext context) {
            this.context = context;
        }
    }

    /** The log manager: its loggers by name, for the JVM's life; they hold the one context it made. */
    public static final class LogManager {
        static final Map<String, Logger> LOGGERS = new HashMap<>();

        private LogManager() {}

        static synchronized Logger getLogger(String name) {
            LoggingContext context = LOGGERS.isEmpty()
                    ? new LoggingContext()
                    : LOGGERS.values().iterator().next().context;
            return LOGGERS.computeIfAbsent(name, n -> new Logger(context));
        }
    }

    /** Listens to the JVM-wide configuration. */
    public static final class Panel implements ChangeListener {
        @Override
        public void changed(String what) {}
    }

    /** An application context that closes itself at the JVM's exit, and takes application listeners. */
    public static final class AppContext {
        private final List<ChangeListener> listeners = new ArrayList<>();

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }

        void registerShutdownHook() {
            Runtime.getRuntime().addShutdownHook(new Thread() {
                @Override
                public void run() {
                    shutDown();
                }
            });
        }

        void shutDown() {}
    }

    /** Listens to an application context. */
    public static final class ContextListener implements ChangeListener {
        @Override
        public void changed(String what) {}
    }

    /** A test framework's cache of contexts, kept for the whole run. */
    public static final class ContextCache {
        static final Map<String, AppContext> CONTEXTS = new HashMap<>();

        private ContextCache() {}
    }

    /** What introspects beans. */
    public interface BeanIntrospector {
        String describe(Object bean);
    }

    /** A bean introspector. */
    public static final class Introspector implements BeanIntrospector {
        @Override
        public String describe(Object bean) {
            return "bean";
        }
    }

    /** A JVM-wide registry of introspectors. */
    public static final class Introspectors {
        static final Introspectors INSTANCE = new Introspectors();

        private final List<BeanIntrospector> introspectors = new CopyOnWriteArrayList<>();

        public void addIntrospector(BeanIntrospector i) {
            introspectors.add(i);
        }

        public void removeIntrospector(BeanIntrospector i) {
            introspectors.remove(i);
        }
    }

    /** Registers its introspector once, from its static initialiser. */
    public static final class BeanHelper {
        static final BeanHelper INSTANCE = new BeanHelper();

        static {
            Introspectors.INSTANCE.addIntrospector(new Introspector());
        }

        String describe() {
            return "bean";
        }
    }

    /** A builder and the result it builds listen to each other. */
    public static final class Builder implements ChangeListener {
        private final List<ChangeListener> listeners = new ArrayList<>();
        private Result result;

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }

        Result build() {
            result = new Result();
            result.addChangeListener(this);
            addChangeListener(result);
            return result;
        }

        @Override
        public void changed(String what) {}
    }

    /** A builder's result. */
    public static final class Result implements ChangeListener {
        private final List<ChangeListener> listeners = new ArrayList<>();

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }

        @Override
        public void changed(String what) {}
    }

    /** What a mocking library keeps of its mocks' calls, for the run's life: the mock and its arguments. */
    public static final class Recorder {
        static final List<Object[]> INVOCATIONS = new ArrayList<>();

        private Recorder() {}
    }

    /** A mock listener. */
    public static final class MockListener implements ChangeListener {
        @Override
        public void changed(String what) {
            Recorder.INVOCATIONS.add(new Object[] {this, what});
        }
    }

    /**
     * What an inline mock maker keeps of each mock, for the run's life: its state in a concurrent map under a weak
     * key, so that the state lives only as long as the mock.
     */
    public static final class MockMaker {
        static final Map<WeakKey, MockState> MOCKS = new ConcurrentHashMap<>();

        private MockMaker() {}

        static <T> T mock(T instance) {
            MOCKS.put(new WeakKey(instance), new MockState());
            return instance;
        }

        static MockState stateOf(Object mock) {
            return MOCKS.get(new WeakKey(mock));
        }
    }

    /** A weak map key, by identity. */
    static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object referent) {
            super(referent);
            hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WeakKey && ((WeakKey) o).get() == get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A mock's calls and their arguments. */
    public static final class MockState {
        final List<Object[]> invocations = new ArrayList<>();
    }

    /** A listener mocked inline: its calls go to its state in the mock maker. */
    public static final class InlineMock implements ChangeListener {
        @Override
        public void changed(String what) {}
    }

    /** Keeps a pool's idle objects topped up by a periodic task on the JVM-wide timer, cancelled when done. */
    public static final class MinIdleKeeper {
        private final TimerTask task = new TimerTask() {
            @Override
            public void run() {
                topUp();
            }
        };

        MinIdleKeeper() {
            TIMER.schedule(task, HOUR, HOUR);
        }

        void topUp() {}

        void done() {
            task.cancel();
        }
    }

    /** Polls by a periodic task on the JVM-wide timer, never cancelled. */
    public static final class Poller {
        Poller() {
            TIMER.schedule(
                    new TimerTask() {
                        @Override
                        public void run() {
                            poll();
                        }
                    },
                    HOUR,
                    HOUR);
        }

        void poll() {}
    }

    public static void main(String[] args) {
        test("firstToLog", () -> LogManager.getLogger("first"));
        test("leavesAPanel", () -> SHARED.addChangeListener(new Panel()));
        test("cachedContext", () -> {
            AppContext context = new AppContext();
            context.registerShutdownHook();
            ContextCache.CONTEXTS.put("cached", context);
        });
        test("leavesAContext", () -> new AppContext().registerShutdownHook());
        test(
                "listensToTheCachedContext",
                () -> ContextCache.CONTEXTS.get("cached").addChangeListener(new ContextListener()));
        test("firstToIntrospect", () -> BeanHelper.INSTANCE.describe());
        test("registersAnIntrospector", () -> Introspectors.INSTANCE.addIntrospector(new Introspector()));
        test("recordedBuilder", () -> {
            Builder builder = new Builder();
            builder.build();
            MockListener mock = new MockListener();
            builder.addChangeListener(mock);
            mock.changed("built");
            Recorder.INVOCATIONS.add(new Object[] {mock, "built", builder});
        });
        test("leavesABuilder", () -> {
            Builder builder = new Builder();
            builder.build();
            SHARED.addChangeListener(builder);
        });
        test("mocksAListener", () -> {
            Model controller = new Model();
            InlineMock mock = MockMaker.mock(new InlineMock());
            controller.addChangeListener(mock);
            MockMaker.stateOf(mock).invocations.add(new Object[] {"changed", controller}); // the event's source
        });
        test("leavesAMock", () -> SHARED.addChangeListener(MockMaker.mock(new InlineMock())));
        test("cancelsItsTask", () -> new MinIdleKeeper().done());
        test("leavesATask", Poller::new);
    }

    /** One test: its own scope, ended and checked at once, as lapse-junit5 checks a test class. */
    private static void test(String name, Runnable body) {
        String scope = "[test:" + name + "]";
        String previous = Lapse.beginScope(scope);
        body.run();
        Lapse.endScope(scope, "test " + name + "()", previous);
        Optional<String> found = Lapse.checkScope(scope, true, null, null, false);
        System.out.println(name + ": " + found.map(f -> "found\n" + f).orElse("nothing"));
    }
}
