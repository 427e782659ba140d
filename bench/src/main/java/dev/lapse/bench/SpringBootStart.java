package dev.lapse.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real application's start: the realcode module's Spring Boot web application (embedded Tomcat on a loopback
 * ephemeral port) started with no agent, JaCoCo's and Lapse's side by side ({@link StartupRuns}), closed as soon as
 * it is ready. The figure is the time from spawning the JVM to Spring's {@code ApplicationReadyEvent}; the target is
 * at most 10% over no agent. Usage: {@code SpringBootStart --agent AGENT_JAR --jacoco JACOCO_AGENT_JAR --app
 * REALCODE_TARGET_DIR [--runs N]}; prints Markdown rows.
 */
public final class SpringBootStart {
    private SpringBootStart() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path agent = null;
        Path jacoco = null;
        Path app = null;
        int runs = 9;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agent = Paths.get(args[++i]).toAbsolutePath();
                case "--jacoco" -> jacoco = Paths.get(args[++i]).toAbsolutePath();
                case "--app" -> app = Paths.get(args[++i]).toAbsolutePath();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (agent == null || jacoco == null || app == null) {
            throw new IllegalArgumentException(
                    "usage: SpringBootStart --agent lapse-agent.jar --jacoco jacocoagent.jar --app realcode/target");
        }
        String classPath = app.resolve("classes")
                + File.pathSeparator
                + Files.readString(app.resolve("app-classpath.txt"), StandardCharsets.UTF_8)
                        .trim()
                + File.pathSeparator
                + probeClassPath();
        StartupRuns side = new StartupRuns(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                agent,
                jacoco,
                Files.createTempDirectory("lapse-springboot-"));
        Map<StartupRuns.Agent, StartupRuns.Figures> f = side.measure(
                List.of(
                        "-cp",
                        classPath,
                        StartupProbe.class.getName(),
                        "dev.lapse.realcode.web.GreetingApplication",
                        "WHEN_READY",
                        "--server.port=0",
                        "--server.address=127.0.0.1"),
                runs,
                StartupRuns.STARTUP);
        StartupRuns.Figures none = f.get(StartupRuns.Agent.NONE);
        System.out.println("| figure | no agent | JaCoCo | Lapse | Lapse / no agent |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        row("start to ready", none.readyMillis(), f, StartupRuns.Figures::readyMillis, "ms");
        row("start to `main`", none.mainMillis(), f, StartupRuns.Figures::mainMillis, "ms");
        row("start, ready, close and exit", none.exitMillis(), f, StartupRuns.Figures::exitMillis, "ms");
        row("peak RSS", none.peakMb(), f, StartupRuns.Figures::peakMb, "MB");
        System.out.println(runs + " runs per agent, alternated, medians; load average "
                + String.format(Locale.ROOT, "%.1f", loadAverage()));
    }

    private static void row(
            String label,
            double base,
            Map<StartupRuns.Agent, StartupRuns.Figures> f,
            java.util.function.ToDoubleFunction<StartupRuns.Figures> figure,
            String unit) {
        double jacoco = figure.applyAsDouble(f.get(StartupRuns.Agent.JACOCO));
        double lapse = figure.applyAsDouble(f.get(StartupRuns.Agent.LAPSE));
        System.out.println(String.format(
                Locale.ROOT,
                "| %s | %.0f %s | %.0f %s (×%.2f) | %.0f %s | ×%.2f |",
                label,
                base,
                unit,
                jacoco,
                unit,
                jacoco / base,
                lapse,
                unit,
                lapse / base));
    }

    /** Where StartupProbe is: the bench jar (or its classes). */
    private static String probeClassPath() {
        try {
            return Paths.get(StartupProbe.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
