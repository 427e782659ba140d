package dev.lapse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every measurement with the agent off and on, in forked JVMs, in one run, and prints the table README's
 * "Cost" section shows. Usage: {@code BenchMain --agent AGENT_JAR --demo DEMO_JAR --jacoco JACOCO_AGENT_JAR [--quick]
 * [--only startup|leaky|classload|shapes|exit] [--out FILE]}.
 */
public final class BenchMain {
    private final Path agentJar;
    private final Path demoJar;
    private final Path jacocoJar;
    private final boolean quick;
    private final Path workDir;
    private final List<Row> rows = new ArrayList<>();

    private BenchMain(Path agentJar, Path demoJar, Path jacocoJar, boolean quick) throws IOException {
        this.agentJar = agentJar.toAbsolutePath();
        this.demoJar = demoJar.toAbsolutePath();
        this.jacocoJar = jacocoJar.toAbsolutePath();
        this.quick = quick;
        this.workDir = Files.createTempDirectory("lapse-bench-");
    }

    public static void main(String[] args) throws Exception {
        Path agent = null;
        Path demo = null;
        Path jacoco = null;
        Path out = null;
        boolean quick = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agent = Paths.get(args[++i]);
                case "--demo" -> demo = Paths.get(args[++i]);
                case "--jacoco" -> jacoco = Paths.get(args[++i]);
                case "--only" -> only = args[++i];
                case "--out" -> out = Paths.get(args[++i]);
                case "--quick" -> quick = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (agent == null || !Files.isRegularFile(agent)) {
            usage("--agent must name the built lapse-agent.jar");
        }
        if (demo == null || !Files.isRegularFile(demo)) {
            usage("--demo must name the built lapse-demo.jar");
        }
        if (jacoco == null || !Files.isRegularFile(jacoco)) {
            usage("--jacoco must name JaCoCo's agent jar (bench/target/jacocoagent.jar)");
        }
        BenchMain bench = new BenchMain(agent, demo, jacoco, quick);
        if (only == null) {
            bench.runAll();
        } else {
            switch (only) {
                case "startup" -> bench.startup();
                case "leaky" -> bench.leakyRun();
                case "classload" -> bench.largeClassPath();
                case "shapes" -> bench.shapes();
                case "exit" -> bench.exitCheck();
                default -> usage("--only takes startup, leaky, classload, shapes or exit");
            }
        }
        String table = bench.table();
        System.out.println();
        System.out.println(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem);
        System.err.println("usage: BenchMain --agent lapse-agent.jar --demo lapse-demo.jar --jacoco jacocoagent.jar"
                + " [--quick] [--only startup|leaky|classload|shapes|exit] [--out FILE]");
        System.exit(2);
    }

    private void runAll() throws Exception {
        pairs();
        shapes();
        dispatch();
        memory();
        startup();
        largeClassPath();
        exitCheck();
        leakyRun();
        testClasses();
    }

    // ---- JMH measurements

    private void pairs() throws RunnerException {
        for (String b : List.of(
                "propertyChangeSupport",
                "copyOnWriteSubject",
                "swingButton",
                "ownerBindsItself",
                "copyOnWriteSubjectNewOwner")) {
            double off = jmh(PairBench.class, b, false);
            double on = jmh(PairBench.class, b, true);
            rows.add(new Row(
                    "add+remove pair, " + label(b),
                    fmt(off, "ns"),
                    fmt(on, "ns"),
                    "+" + fmt(on - off, "ns"),
                    b.endsWith("NewOwner") ? "(no budget: includes a new owner)" : "≤ 150 ns added",
                    b.endsWith("NewOwner") || on - off <= 150));
        }
    }

    /** {@link ShapesBench}: the pair in each code shape, on an application subject and on PropertyChangeSupport. */
    private void shapes() throws RunnerException {
        for (String b : List.of(
                "lambda",
                "anonymous",
                "manyPaths",
                "deepStack",
                "namedFromManyLines",
                "manyOwnerClasses",
                "fallbackManyPaths")) {
            for (String subject : List.of("app", "beans")) {
                double off = jmh(ShapesBench.class, b, subject, false);
                double on = jmh(ShapesBench.class, b, subject, true);
                rows.add(new Row(
                        "add+remove pair, " + shapeLabel(b) + ", "
                                + (subject.equals("app") ? "app subject" : "PropertyChangeSupport"),
                        fmt(off, "ns"),
                        fmt(on, "ns"),
                        "+" + fmt(on - off, "ns"),
                        b.startsWith("fallback") ? "(no budget: no call-site id)" : "≤ 150 ns added",
                        b.startsWith("fallback") || on - off <= 150));
            }
        }
    }

    private static String shapeLabel(String benchmark) {
        return switch (benchmark) {
            case "lambda" -> "a lambda";
            case "anonymous" -> "an anonymous class";
            case "manyPaths" -> "one line reached through 16 paths";
            case "deepStack" -> "100 frames deep";
            case "namedFromManyLines" -> "one named class from 8 lines";
            case "fallbackManyPaths" -> "16 paths, through a JDK method reference (no site id)";
            default -> "2,000 owner classes";
        };
    }

    private void dispatch() throws RunnerException {
        double off = jmh(DispatchBench.class, "dispatchTo16", false);
        double on = jmh(DispatchBench.class, "dispatchTo16", true);
        double pct = (on - off) / off * 100;
        rows.add(new Row(
                "event dispatch to 16 listeners",
                fmt(off, "ns"),
                fmt(on, "ns"),
                String.format(Locale.ROOT, "%+.1f%%", pct),
                "≤ 2% slower",
                pct <= 2));
    }

    private void largeClassPath() throws RunnerException {
        double off = jmh(ClassLoadBench.class, "load20000Classes", false);
        double on = jmh(ClassLoadBench.class, "load20000Classes", true);
        rows.add(new Row(
                "define and link 20,000 classes",
                fmt(off, "ms"),
                fmt(on, "ms"),
                "+" + fmt(on - off, "ms"),
                "(counts toward start-up)",
                true));
    }

    private void testClasses() throws RunnerException {
        for (String b : List.of("cleanClass", "leakyClass")) {
            double off = jmh(TestClassBench.class, b, false);
            double on = jmh(TestClassBench.class, b, true);
            rows.add(new Row(
                    b.equals("cleanClass")
                            ? "JUnit test class of 5 tests, all clean"
                            : "JUnit test class of 5 tests, one leaking (fails)",
                    fmt(off, "ms"),
                    fmt(on, "ms"),
                    "+" + fmt(on - off, "ms"),
                    "≤ 50 ms per class",
                    on - off <= 50));
        }
    }

    private static String label(String benchmark) {
        return switch (benchmark) {
            case "propertyChangeSupport" -> "PropertyChangeSupport";
            case "copyOnWriteSubject" -> "app subject (CopyOnWriteArrayList)";
            case "swingButton" -> "JButton (headless)";
            case "ownerBindsItself" -> "app subject, by the owner's code on a model it holds";
            default -> "app subject, new owner each pair";
        };
    }

    /** The median of all measured iterations' scores of one benchmark, in its unit. */
    private double jmh(Class<?> type, String method, boolean agent) throws RunnerException {
        return jmh(type, method, null, agent);
    }

    /** {@link #jmh(Class, String, boolean)} with its {@code subject} parameter set, unless {@code null}. */
    private double jmh(Class<?> type, String method, String subject, boolean agent) throws RunnerException {
        boolean singleShot = type == ClassLoadBench.class;
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + type.getName().replace(".", "\\.") + "\\." + method + "$")
                .forks(quick ? 1 : 2)
                .jvmArgsAppend(jvmArgs(agent, "jmh-" + method).toArray(new String[0]))
                .shouldFailOnError(true);
        if (subject != null) {
            options.param("subject", subject);
        }
        if (singleShot) {
            options.warmupIterations(quick ? 2 : 3).measurementIterations(quick ? 3 : 6);
        } else {
            options.warmupIterations(quick ? 2 : 4)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(quick ? 3 : 6)
                    .measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Double> scores = new ArrayList<>();
        for (RunResult run : results) {
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                }
            }
        }
        return median(scores);
    }

    // ---- forked-JVM measurements

    private void memory() throws IOException, InterruptedException {
        int count = 1_000_000;
        long off = Long.parseLong(value(
                probe(false, "memory", List.of("-Xmx3g"), MemoryProbe.class.getName(), String.valueOf(count)).stdout,
                "heapBytes"));
        long on = Long.parseLong(value(
                probe(true, "memory", List.of("-Xmx3g"), MemoryProbe.class.getName(), String.valueOf(count)).stdout,
                "heapBytes"));
        double perRegistration = (double) (on - off) / count;
        rows.add(new Row(
                "heap per live tracked registration (1M)",
                mb(off),
                mb(on),
                String.format(Locale.ROOT, "%.0f B", perRegistration),
                "≤ 120 B",
                perRegistration <= 120));
    }

    /**
     * Start-up and exit with no agent, JaCoCo's and Lapse's, side by side (StartupRuns): a program that only prints
     * a line, whose added time must stay within what JaCoCo adds and whose peak RSS within +20 MB, and the demo.
     */
    private void startup() throws IOException, InterruptedException {
        int runs = quick ? 5 : 15;
        StartupRuns side = new StartupRuns(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), agentJar, jacocoJar, workDir);
        Map<StartupRuns.Agent, StartupRuns.Figures> hello =
                side.measure(List.of("-cp", classPath(), StartupProbe.class.getName()), runs, StartupRuns.STARTUP);
        Map<StartupRuns.Agent, StartupRuns.Figures> demo = side.measure(
                List.of(
                        "-cp",
                        classPath() + java.io.File.pathSeparator + demoJar,
                        StartupProbe.class.getName(),
                        "dev.lapse.demo.DemoApp"),
                runs,
                StartupRuns.STARTUP);
        startupRows("a program that prints a line", hello);
        startupRows("the demo", demo);
    }

    private void startupRows(String program, Map<StartupRuns.Agent, StartupRuns.Figures> f) {
        StartupRuns.Figures none = f.get(StartupRuns.Agent.NONE);
        StartupRuns.Figures jacoco = f.get(StartupRuns.Agent.JACOCO);
        StartupRuns.Figures lapse = f.get(StartupRuns.Agent.LAPSE);
        double added = lapse.exitMillis() - none.exitMillis();
        double jacocoAdded = jacoco.exitMillis() - none.exitMillis();
        rows.add(new Row(
                "start and exit, " + program,
                fmt(none.exitMillis(), "ms"),
                fmt(lapse.exitMillis(), "ms"),
                "+" + fmt(added, "ms"),
                "≤ JaCoCo's +" + fmt(jacocoAdded, "ms"),
                added <= jacocoAdded));
        if (!Double.isNaN(lapse.cpuMillis())) {
            double cpuAdded = lapse.cpuMillis() - none.cpuMillis();
            double jacocoCpuAdded = jacoco.cpuMillis() - none.cpuMillis();
            rows.add(new Row(
                    "CPU time of that JVM, start to exit, all its threads",
                    fmt(none.cpuMillis(), "ms"),
                    fmt(lapse.cpuMillis(), "ms"),
                    "+" + fmt(cpuAdded, "ms"),
                    "≤ JaCoCo's +" + fmt(jacocoCpuAdded, "ms"),
                    cpuAdded <= jacocoCpuAdded));
        }
        double mainAdded = lapse.mainMillis() - none.mainMillis();
        double jacocoMainAdded = jacoco.mainMillis() - none.mainMillis();
        rows.add(new Row(
                "JVM start to main, " + program,
                fmt(none.mainMillis(), "ms"),
                fmt(lapse.mainMillis(), "ms"),
                "+" + fmt(mainAdded, "ms"),
                "≤ JaCoCo's +" + fmt(jacocoMainAdded, "ms"),
                mainAdded <= jacocoMainAdded));
        double peakAdded = lapse.peakMb() - none.peakMb();
        rows.add(new Row(
                "peak RSS, " + program,
                fmt(none.peakMb(), "MB"),
                fmt(lapse.peakMb(), "MB"),
                "+" + fmt(peakAdded, "MB"),
                "≤ +20 MB (JaCoCo +" + fmt(jacoco.peakMb() - none.peakMb(), "MB") + ")",
                peakAdded <= 20));
    }

    /**
     * A whole run of a program that leaks 20,000 owners through two registrations each ({@link LeakyRun}), JVM start
     * to exit with the report, with no agent, Lapse's and the JDK's leak profiler side by side.
     */
    private void leakyRun() throws IOException, InterruptedException {
        int runs = quick ? 3 : 7;
        StartupRuns side = new StartupRuns(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), agentJar, jacocoJar, workDir);
        Map<StartupRuns.Agent, StartupRuns.Figures> f = side.measure(
                List.of("-cp", classPath(), StartupProbe.class.getName(), LeakyRun.class.getName(), "20000"),
                runs,
                List.of(StartupRuns.Agent.NONE, StartupRuns.Agent.LAPSE, StartupRuns.Agent.JFR_LEAKS));
        double none = f.get(StartupRuns.Agent.NONE).exitMillis();
        double lapse = f.get(StartupRuns.Agent.LAPSE).exitMillis();
        double jfr = f.get(StartupRuns.Agent.JFR_LEAKS).exitMillis();
        rows.add(new Row(
                "a whole run leaking 20,000 owners (2 registrations each), report included",
                fmt(none, "ms"),
                fmt(lapse, "ms"),
                String.format(Locale.ROOT, "×%.2f", lapse / none),
                String.format(Locale.ROOT, "≤ ×1.1 (JFR's leak profiler ×%.2f)", jfr / none),
                lapse <= 1.1 * none));
    }

    private void exitCheck() throws IOException, InterruptedException {
        Probe p = probe(true, "exit-check", List.of("-Xmx2g"), ExitCheckProbe.class.getName(), "100000");
        long millis = Long.parseLong(value(p.stdout, "checkMillis"));
        rows.add(new Row(
                "check and report, 100k findings in 10 groups",
                "-",
                fmt(millis, "ms"),
                fmt(millis, "ms"),
                "≤ 1 s",
                millis <= 1000));
        // the process's CPU time over the same check: on a shared machine the wall clock mostly measures the wait
        // for a core; this is what the check costs, its collection's and its compilations' threads included
        String cpu = value(p.stdout, "checkCpuMillis");
        if (!cpu.equals("-") && p.stdout.contains("mainCpuMillis=")) {
            long cpuMillis = Long.parseLong(cpu);
            rows.add(new Row(
                    "the same, CPU time of the process (main " + value(p.stdout, "mainCpuMillis") + " ms, collector "
                            + value(p.stdout, "gcCpuMillis") + " ms, compiler " + value(p.stdout, "jitCpuMillis")
                            + " ms)",
                    "-",
                    fmt(cpuMillis, "ms"),
                    fmt(cpuMillis, "ms"),
                    "(no budget)",
                    true));
        }
    }

    private List<String> jvmArgs(boolean agent, String name) {
        List<String> args = new ArrayList<>(List.of("-Djava.awt.headless=true"));
        if (!agent) {
            // lapse-junit5 is on the benchmarks' class path: without the agent, keep it from registering at all
            args.add("-D" + TestClassBench.AUTODETECTION + "=false");
        }
        if (agent) {
            // maxTracked: the memory measurement keeps a million registrations, twice the default cap.
            args.add("-javaagent:" + agentJar + "=out=" + workDir.resolve(name) + ",log=warn,maxTracked=2000000");
        }
        return args;
    }

    private Probe probe(boolean agent, String name, List<String> extra, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs(agent, name));
        cmd.addAll(extra);
        if (!extra.contains("-cp")) {
            cmd.add("-cp");
            cmd.add(classPath());
        }
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[][] err = new byte[1][];
        Thread errReader = new Thread(() -> err[0] = readAll(process.getErrorStream()));
        errReader.start();
        String stdout = new String(readAll(process.getInputStream()), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("probe did not finish: " + cmd);
        }
        errReader.join();
        String stderr = new String(err[0], StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("probe failed (" + process.exitValue() + "): " + cmd + "\n" + stderr);
        }
        return new Probe(stdout, stderr);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    private static String value(String output, String key) {
        for (String token : output.split("\\s+")) {
            if (token.startsWith(key + "=")) {
                return token.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + " in probe output:\n" + output);
    }

    private record Probe(String stdout, String stderr) {}

    // ---- the table

    private record Row(String what, String off, String on, String added, String budget, boolean met) {}

    private String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "JDK %s (%s), %d cores, %s%s%n%n",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                quick ? ", --quick" : ""));
        b.append("| what | agent off | agent on | added | budget | met |\n");
        b.append("| --- | ---: | ---: | ---: | --- | --- |\n");
        for (Row r : rows) {
            b.append("| ")
                    .append(r.what)
                    .append(" | ")
                    .append(r.off)
                    .append(" | ")
                    .append(r.on)
                    .append(" | ")
                    .append(r.added)
                    .append(" | ")
                    .append(r.budget)
                    .append(" | ")
                    .append(r.met ? "yes" : "**no**")
                    .append(" |\n");
        }
        return b.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(double value, String unit) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, unit);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
