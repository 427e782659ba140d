package dev.lapse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up and exit side by side: the same program run with no agent, with JaCoCo's agent and with Lapse's (or
 * the JDK's leak profiler), alternating run by run in one session (so the machine's drift touches all alike), each
 * figure the median of the runs. Per run: wall time from spawning the JVM to its exit, wall time to {@code main},
 * wall time to ready (for a program that prints {@code readyMillis=}, such as a Spring Boot application; else NaN),
 * peak RSS, and the CPU time of the whole process from start to exit, all its threads. Peak RSS and CPU time are the
 * operating system's accounting once the JVM has exited, read through {@code /usr/bin/time} (then the probe
 * registers no shutdown hook of its own); where there is none, the probe reads the peak in a shutdown hook and the
 * CPU time is NaN.
 */
final class StartupRuns {

    /** The ways a JVM is started. */
    enum Agent {
        NONE,
        JACOCO,
        LAPSE,
        /** The JDK's own leak profiler: a JFR recording of old-object samples with their paths to the GC roots. */
        JFR_LEAKS
    }

    /** No agent, JaCoCo's and Lapse's: the start-up comparison. */
    static final List<Agent> STARTUP = List.of(Agent.NONE, Agent.JACOCO, Agent.LAPSE);

    /** Medians of one program's runs under one agent. */
    record Figures(double exitMillis, double mainMillis, double peakMb, double readyMillis, double cpuMillis) {}

    /**
     * GNU time, which reports the user and system time of the process it waited for: a JVM's own reading of its CPU
     * time would miss what its last shutdown hooks do, and the exit report is written there.
     */
    private static final Path TIME = Path.of("/usr/bin/time");

    private final String java;
    private final Path lapseJar;
    private final Path jacocoJar;
    private final Path workDir;

    StartupRuns(String java, Path lapseJar, Path jacocoJar, Path workDir) {
        this.java = java;
        this.lapseJar = lapseJar;
        this.jacocoJar = jacocoJar;
        this.workDir = workDir;
    }

    /**
     * Runs {@code program} (a class path and a main class with its arguments) {@code runs} times under each of
     * {@code agents}, alternated.
     */
    Map<Agent, Figures> measure(List<String> program, int runs, List<Agent> agents)
            throws IOException, InterruptedException {
        Map<Agent, List<double[]>> samples = new EnumMap<>(Agent.class);
        for (Agent a : agents) {
            samples.put(a, new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (int k = 0; k < agents.size(); k++) {
                Agent a = agents.get((i + k) % agents.size()); // rotate who goes first
                samples.get(a).add(runOnce(a, program, i));
            }
        }
        Map<Agent, Figures> figures = new EnumMap<>(Agent.class);
        for (Agent a : agents) {
            List<double[]> s = samples.get(a);
            figures.put(a, new Figures(median(s, 0), median(s, 1), median(s, 2), median(s, 3), median(s, 4)));
        }
        return figures;
    }

    private double[] runOnce(Agent agent, List<String> program, int run) throws IOException, InterruptedException {
        boolean timed = Files.isExecutable(TIME);
        List<String> cmd = new ArrayList<>();
        if (timed) {
            cmd.addAll(List.of(TIME.toString(), "-f", "cpuUserSeconds=%U cpuSystemSeconds=%S peakRssKb=%M"));
        }
        cmd.addAll(List.of(java, "-Djava.awt.headless=true"));
        if (timed) {
            cmd.add("-D" + StartupProbe.PEAK_MEASURED_OUTSIDE + "=true");
        }
        switch (agent) {
            case NONE -> {}
            case JACOCO ->
                cmd.add("-javaagent:" + jacocoJar + "=destfile=" + workDir.resolve("jacoco-" + run + ".exec"));
            case LAPSE -> cmd.add("-javaagent:" + lapseJar + "=out=" + workDir.resolve("lapse-" + run) + ",log=warn");
            case JFR_LEAKS ->
                cmd.add("-XX:StartFlightRecording:settings=profile,path-to-gc-roots=true,filename="
                        + workDir.resolve("leaks-" + run + ".jfr"));
        }
        cmd.addAll(program);
        long spawned = System.currentTimeMillis();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = readAll(p.getErrorStream());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("did not finish: " + cmd);
        }
        double exitMillis = (System.nanoTime() - start) / 1e6;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("failed (" + p.exitValue() + "): " + cmd + "\n" + stderr);
        }
        double mainMillis = Long.parseLong(value(stderr, "mainEnteredMillis")) - spawned;
        double peakMb = Long.parseLong(value(stderr, "peakRssKb")) / 1024.0;
        double readyMillis =
                stderr.contains("readyMillis=") ? Long.parseLong(value(stderr, "readyMillis")) - spawned : Double.NaN;
        double cpuMillis = timed
                ? (Double.parseDouble(value(stderr, "cpuUserSeconds"))
                                + Double.parseDouble(value(stderr, "cpuSystemSeconds")))
                        * 1000
                : Double.NaN;
        return new double[] {exitMillis, mainMillis, peakMb, readyMillis, cpuMillis};
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String value(String output, String key) {
        for (String token : output.split("\\s+")) {
            if (token.startsWith(key + "=")) {
                return token.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + " in the probe's output:\n" + output);
    }

    private static double median(List<double[]> samples, int index) {
        List<Double> values = new ArrayList<>();
        for (double[] s : samples) {
            values.add(s[index]);
        }
        values.sort(null);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }
}
