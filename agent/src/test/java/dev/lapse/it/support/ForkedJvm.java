package dev.lapse.it.support;

import dev.lapse.agent.report.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a separate JVM with the real shaded agent jar, drains its output, enforces a time
 * limit and returns what happened, including the report files. The JVM used is {@code lapse.test.java} (a
 * {@code java} executable or a JDK home) when set, else the one running the tests.
 */
public final class ForkedJvm {
    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> programArgs = new ArrayList<>();
    private String agentOptions;
    private boolean withAgent = true;
    private Path reportDir;
    private String umask;
    /** What follows the JVM options: {@code -cp CLASSES Main} or {@code -jar JAR}. */
    private final List<String> launch;

    private ForkedJvm(List<String> launch) {
        this.launch = launch;
    }

    /** A JVM that will run {@code mainClass} from the test classes with the agent. */
    public static ForkedJvm main(Class<?> mainClass) {
        return new ForkedJvm(List.of("-cp", testClasses(), mainClass.getName()));
    }

    /** A JVM that will run {@code mainClass} from {@code classPath} with the agent. */
    public static ForkedJvm main(Class<?> mainClass, String classPath) {
        return new ForkedJvm(List.of("-cp", classPath, mainClass.getName()));
    }

    /**
     * A JVM that will run {@code mainClass} from the test classes and the test class path's jars whose file names
     * start with one of {@code jarPrefixes} ({@code "guava-"}): real libraries as they are published.
     */
    public static ForkedJvm withLibraries(Class<?> mainClass, String... jarPrefixes) {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringBuilder cp = new StringBuilder(testClasses());
        for (String entry : testClassPath.split(java.io.File.pathSeparator)) {
            String name = Paths.get(entry).getFileName().toString();
            for (String prefix : jarPrefixes) {
                if (name.startsWith(prefix) && name.endsWith(".jar")) {
                    cp.append(java.io.File.pathSeparator).append(entry);
                }
            }
        }
        return main(mainClass, cp.toString());
    }

    /** A JVM that will run an executable jar with the agent. */
    public static ForkedJvm jar(Path jar) {
        return new ForkedJvm(List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /** Extra agent options after {@code out=DIR}, e.g. {@code lifecycle=teardown}. */
    public ForkedJvm agentOptions(String options) {
        this.agentOptions = options;
        return this;
    }

    /** Report files go to {@code dir} instead of a fresh temporary directory. */
    public ForkedJvm reportDir(Path dir) {
        this.reportDir = dir;
        return this;
    }

    /** Runs without {@code -javaagent}. */
    public ForkedJvm withoutAgent() {
        this.withAgent = false;
        return this;
    }

    /** Runs the JVM under this file-creation mask ({@code 022}), through {@code /bin/sh}, whatever the tests' own is. */
    public ForkedJvm umask(String mask) {
        this.umask = mask;
        return this;
    }

    public ForkedJvm jvmArg(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    public ForkedJvm args(String... args) {
        programArgs.addAll(List.of(args));
        return this;
    }

    /** Runs the JVM to its end; report files go to a fresh temporary directory unless {@link #reportDir} says. */
    public Result run() {
        try {
            Path out = reportDir != null ? reportDir : Files.createTempDirectory("lapse-it-");
            List<String> cmd = command(out);
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            Drain stdout = new Drain(p.getInputStream());
            Drain stderr = new Drain(p.getErrorStream());
            stdout.start();
            stderr.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("forked JVM did not finish within " + TIMEOUT_SECONDS + "s: " + cmd
                        + "\nstdout:\n" + stdout.text() + "\nstderr:\n" + stderr.text());
            }
            stdout.join();
            stderr.join();
            return new Result(cmd, p.exitValue(), stdout.text(), stderr.text(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts the JVM and returns at once, for programs driven through standard input. */
    public Running start() {
        try {
            Path out = Files.createTempDirectory("lapse-it-");
            List<String> cmd = command(out);
            return new Running(cmd, new ProcessBuilder(cmd).start(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(Path out) {
        List<String> cmd = new ArrayList<>();
        if (umask != null) {
            cmd.addAll(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        cmd.add(java());
        cmd.add("-Xmx256m");
        cmd.add("-Djava.awt.headless=true");
        if (withAgent) {
            String options = "out=" + out + (agentOptions == null ? "" : "," + agentOptions);
            cmd.add("-javaagent:" + agentJar() + "=" + options);
        }
        cmd.addAll(jvmArgs);
        cmd.addAll(launch);
        cmd.addAll(programArgs);
        return cmd;
    }

    /** A JVM that is still running: write lines to it, read its output line by line, end it. */
    public static final class Running implements AutoCloseable {
        private final List<String> command;
        private final Process process;
        private final java.io.BufferedReader stdout;
        private final java.io.PrintWriter stdin;
        private final Drain stderr;
        private final StringBuilder seen = new StringBuilder();
        public final Path reportDir;

        Running(List<String> command, Process process, Path reportDir) {
            this.command = command;
            this.process = process;
            this.reportDir = reportDir;
            this.stdout = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.stdin = new java.io.PrintWriter(
                    new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            this.stderr = new Drain(process.getErrorStream());
            stderr.start();
        }

        public long pid() {
            return process.pid();
        }

        /** Sends one line to the program's standard input. */
        public Running send(String line) {
            stdin.println(line);
            return this;
        }

        /** Reads output lines until one starts with {@code prefix}; returns it. Fails when the program ends. */
        public String await(String prefix) {
            try {
                String line;
                while ((line = stdout.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError("the program ended before printing '" + prefix + "'\n" + this);
        }

        public String stderr() {
            return stderr.text();
        }

        /** Waits for the program to exit; returns its exit code. */
        public int waitFor() throws InterruptedException {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the program did not exit\n" + this);
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }

        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\nstdout so far:\n" + seen + "\nstderr:\n"
                    + stderr.text();
        }
    }

    /** The shaded agent jar built by {@code mvn package}. */
    public static Path agentJar() {
        Path jar = Paths.get(System.getProperty("lapse.agent.jar", "target/lapse-agent.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no agent jar at " + jar + ": run the integration tests through 'mvn verify'");
        }
        return jar;
    }

    public static String testClasses() {
        return System.getProperty("lapse.test.classes", "target/test-classes");
    }

    /** The java executable for forked JVMs. */
    public static String java() {
        String configured = System.getProperty("lapse.test.java", "");
        if (configured.isBlank() || configured.startsWith("${")) {
            return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        }
        Path p = Paths.get(configured);
        return Files.isDirectory(p) ? p.resolve("bin").resolve("java").toString() : p.toString();
    }

    /** What a forked JVM did. */
    public static final class Result {
        public final List<String> command;
        public final int exitCode;
        public final String stdout;
        public final String stderr;
        public final Path reportDir;

        Result(List<String> command, int exitCode, String stdout, String stderr, Path reportDir) {
            this.command = command;
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
            this.reportDir = reportDir;
        }

        /** Fails with the JVM's output unless it exited with 0. */
        public Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("forked JVM exited with " + exitCode + "\n" + this);
            }
            return this;
        }

        /** The parsed {@code lapse-report.json}. */
        public JsonValue json() {
            return JsonValue.parse(read("lapse-report.json"));
        }

        /** {@code lapse-report.txt}. */
        public String text() {
            return read("lapse-report.txt");
        }

        /** The finding groups of the JSON report. */
        public List<JsonValue> findings() {
            return json().get("findings").list();
        }

        private String read(String name) {
            Path file = reportDir.resolve(name);
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError("no " + file + "\n" + this, e);
            }
        }

        @Override
        public String toString() {
            return "command: " + String.join(" ", command) + "\nexit: " + exitCode + "\nstdout:\n" + stdout
                    + "\nstderr:\n" + stderr;
        }
    }

    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Drain(InputStream in) {
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                in.transferTo(bytes);
            } catch (IOException e) {
                // the process ended; what was read is kept
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
