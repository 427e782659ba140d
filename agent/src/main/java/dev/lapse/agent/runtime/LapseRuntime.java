package dev.lapse.agent.runtime;

import dev.lapse.agent.bootstrap.LapseHook;
import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.confirm.CheckResult;
import dev.lapse.agent.confirm.GcProbe;
import dev.lapse.agent.control.Controlled;
import dev.lapse.agent.control.LapseControl;
import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.Installer;
import dev.lapse.agent.reflect.Access;
import dev.lapse.agent.report.IsoTime;
import dev.lapse.agent.report.JfrEvents;
import dev.lapse.agent.report.ReportBuilder;
import dev.lapse.agent.report.ReportFiles;
import dev.lapse.agent.report.SharedReportDir;
import dev.lapse.agent.report.TextReportWriter;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.track.OwnerResolver;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.SiteCapture;
import dev.lapse.agent.track.Stats;
import dev.lapse.agent.track.Tracker;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.management.JMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: wires options, tracking, instrumentation and reporting together once per JVM, writes the
 * report at exit (from a shutdown hook, within a time limit) and on demand, and can be stopped again. Loaded
 * only after the hook is on the bootstrap class path.
 */
public final class LapseRuntime implements Controlled {
    /** System property naming the running agent's version: the command line's "is Lapse loaded" test. */
    public static final String VERSION_PROPERTY = "dev.lapse.agent.version";
    /** System property naming the running agent's report directory. */
    public static final String OUT_PROPERTY = "dev.lapse.agent.out";

    private static final Logger LOG = LoggerFactory.getLogger(LapseRuntime.class);
    private static LapseRuntime running;

    private final AgentOptions options;
    private final boolean attached;
    /** Whether the self-test saw its probe registration; {@code null} until the first report runs it. */
    private Boolean selfTestPassed;

    private final long startedMillis = System.currentTimeMillis();
    private final ApiCatalog catalog = new ApiCatalog();
    private final Stats stats = new Stats();
    private final OwnerResolver owners = new OwnerResolver();
    private final GcProbe gc = new GcProbe();
    private final Tracker tracker;
    private final CheckRunner checks;
    private final ReportFiles files;
    /** With option {@code shared}: the run's JVMs report into {@link #files}; else {@code null}. */
    private final SharedReportDir shared;

    private final Callbacks callbacks = new Callbacks(this);
    private final TrackingSink sink;
    private final String version = Report.lapseVersion();
    private Instrumentation inst;
    private volatile Installer installer;
    private Thread exitHook;

    private LapseRuntime(Startup startup, boolean attached) {
        this.options = startup.options();
        this.attached = attached;
        this.tracker =
                new Tracker(catalog, owners, new SiteCapture(catalog), stats, options.maxTracked(), callbacks, gc);
        this.checks = new CheckRunner(tracker, catalog, owners, gc, options, startup.suppressions());
        this.files = startup.files();
        this.shared =
                options.shared() ? new SharedReportDir(files, ThisProcess.pid(), SharedReportDir.currentRun()) : null;
        this.sink = new TrackingSink(tracker, callbacks, callbacks, callbacks);
    }

    /** A rewritten call to a JDK class loaded before the agent is about to run ({@link Installer#instrumentLate}). */
    void instrumentLate(String className) {
        Installer i = installer;
        if (i != null) {
            i.instrumentLate(className);
        }
    }

    /**
     * Starts the agent once; a second start in the same JVM is a no-op that says so.
     *
     * @param startup the checked options, rules and report directory
     * @param attached whether the agent was loaded into a running JVM rather than at launch
     */
    public static synchronized void start(Startup startup, Instrumentation inst, boolean attached) {
        if (running != null) {
            LOG.info("already running in this JVM (options {}); nothing to do", running.options);
            return;
        }
        AgentOptions options = startup.options();
        LapseRuntime runtime = new LapseRuntime(startup, attached);
        Access.init(inst);
        LapseHook.install(runtime.sink);
        runtime.inst = inst;
        // Lapse's own hook is registered before Runtime#addShutdownHook is instrumented (the agent's calls are not
        // rewritten, so they never instrument it): it is never tracked
        runtime.exitHook = new Thread(runtime.callbacks, "lapse-exit-report");
        Runtime.getRuntime().addShutdownHook(runtime.exitHook);
        runtime.installer = new Installer(runtime.catalog, options.lifecycle(), options.excludes(), SelfTest.PROBED);
        runtime.installer.install(inst, attached);
        LapseControl.registerSoon(runtime);
        System.setProperty(VERSION_PROPERTY, runtime.version);
        System.setProperty(OUT_PROPERTY, options.out().toAbsolutePath().toString());
        running = runtime;
        // the report says whether explicit GC is disabled: asking here would load the management beans at start
        LOG.debug("started{}: report to {}, gc={}", attached ? " (attached)" : "", options.out(), options.gc());
    }

    /** For {@code Lapse.writeReport()}: checks and writes into the configured directory; returns it, or {@code null}. */
    Path writeReportNow() {
        return writeReport(files.dir()) == null ? null : files.dir();
    }

    @Override
    public synchronized Path writeReport(Path dir) {
        selfTest();
        long start = System.nanoTime();
        CheckResult check = checks.all();
        long checked = System.nanoTime();
        Report report = report(check);
        long grouped = System.nanoTime();
        ReportFiles target = dir.equals(files.dir()) ? files : files.in(dir);
        try {
            if (target != files) {
                target.prepare();
            }
            lastSummary = TextReportWriter.summary(report);
            if (target == files && shared != null) {
                int jvms = shared.write(report, version, System.currentTimeMillis());
                if (jvms > 1) {
                    lastSummary += " Merged with the reports of " + (jvms - 1) + " other JVM(s) of this run.";
                }
            } else {
                target.write(report);
            }
        } catch (IOException e) {
            LOG.error("could not write the report to {}: {}", dir, e.toString());
            return null;
        }
        JfrEvents.emit(report);
        LOG.debug(
                "report: check {} ms, grouping {} ms, writing {} ms",
                (checked - start) / 1_000_000,
                (grouped - checked) / 1_000_000,
                (System.nanoTime() - grouped) / 1_000_000);
        return target.primary();
    }

    private void selfTest() {
        if (selfTestPassed == null) {
            // once, at the first check rather than at start-up: the probe loads and instruments
            // PropertyChangeSupport, which would add its cost to every JVM's start
            selfTestPassed = SelfTest.run(sink, installer.watchedLoaded());
        }
    }

    /**
     * Checks one scope (a test) now: a full collection, then the registrations made in it whose owners should be
     * dead. The findings are also counted in the run's report, which the exit check writes.
     *
     * @return the findings as text (one block per group), or {@code null} when there are none
     */
    synchronized String checkScope(String scope, boolean nested, Object root, String signals, boolean defer) {
        Predicate<Registration> inScope = r -> {
            String s = r.scope(); // one volatile read for both tests
            return s != null && (nested ? s.startsWith(scope) : s.equals(scope));
        };
        selfTest();
        CheckResult check = checks.scope(inScope, root, defer);
        if (signals != null) {
            Set<Signal> wanted = EnumSet.noneOf(Signal.class);
            for (String name : signals.split(",")) {
                wanted.add(Signal.named(name));
            }
            check = check.only(f -> wanted.contains(f.end().signal()));
        }
        if (check.findings().isEmpty()) {
            return null;
        }
        return TextReportWriter.findings(report(check));
    }

    /**
     * Stops the agent: the classes get their original code back, the hook forgets the sink, the exit report and
     * the MBean are removed. A later attach starts afresh.
     */
    @Override
    public void stop() {
        synchronized (LapseRuntime.class) {
            if (running != this) {
                return;
            }
            LapseHook.install(null);
            installer.uninstall(inst);
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting anyway
            }
            try {
                LapseControl.unregister();
            } catch (JMException e) {
                LOG.debug("could not unregister {}: {}", LapseControl.NAME, e.toString());
            }
            System.clearProperty(VERSION_PROPERTY);
            System.clearProperty(OUT_PROPERTY);
            running = null;
            LOG.info("stopped: instrumentation removed, tracking ended");
        }
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String options() {
        return options.toString();
    }

    @Override
    public Path reportDirectory() {
        return files.dir();
    }

    @Override
    public boolean attached() {
        return attached;
    }

    @Override
    public Stats stats() {
        return stats;
    }

    @Override
    public String lastSummary() {
        return lastSummary;
    }

    void reportAtExit() {
        Thread worker = new Thread(new ExitCheck(this), "lapse-exit-check");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(options.exitTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn(
                    "the exit check did not finish within {} ms (option exitTimeout); no report written at exit",
                    options.exitTimeout().toMillis());
        }
    }

    private volatile String lastSummary = "";

    private Report report(CheckResult check) {
        long transformErrors = installer.transformErrors();
        List<String> notes = ReportNotes.of(
                check,
                options,
                stats,
                attached ? Instant.ofEpochMilli(startedMillis) : null,
                selfTestPassed,
                transformErrors);
        return ReportBuilder.build(
                version,
                System.currentTimeMillis(),
                check,
                stats,
                jvm(),
                options.effective(),
                notes,
                installer.instrumentedMethods(),
                transformErrors);
    }

    /** The exit report's check and writing, on a thread of its own that the shutdown hook waits for a while. */
    private static final class ExitCheck implements Runnable {
        private final LapseRuntime runtime;

        ExitCheck(LapseRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public void run() {
            Path file = runtime.writeReport(runtime.files.dir());
            if (file != null) {
                LOG.info("{} Report: {}", runtime.lastSummary, file);
            }
        }
    }

    private Jvm jvm() {
        String command = System.getProperty("sun.java.command", "");
        long uptime = ThisProcess.uptimeMillis();
        return new Jvm(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("java.vm.name"),
                ThisProcess.pid(),
                command.isEmpty() ? "" : command.split(" ", 2)[0],
                IsoTime.of(Instant.ofEpochMilli(System.currentTimeMillis() - uptime)),
                attached ? "attach" : "launch",
                Long.toString(uptime));
    }
}
