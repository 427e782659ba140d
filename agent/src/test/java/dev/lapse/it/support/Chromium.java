package dev.lapse.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium, for checking what a person sees in the HTML report. Found as {@code $LAPSE_CHROMIUM} or as
 * {@code chromium}, {@code chromium-browser} or {@code google-chrome} on the {@code PATH}. Without one the test is
 * skipped, unless {@code LAPSE_REQUIRE_BROWSER=1} (as {@code .ci/run} sets when it has installed Chromium).
 */
public final class Chromium {
    private static final long TIMEOUT_SECONDS = 60;

    private final String executable;

    private Chromium(String executable) {
        this.executable = executable;
    }

    /** The browser, or the test is skipped (or fails, when a browser is required). */
    public static Chromium require() {
        String found = find();
        if (found == null) {
            String message = "no Chromium: set LAPSE_CHROMIUM or put chromium on the PATH (apt-get install chromium)";
            if ("1".equals(System.getenv("LAPSE_REQUIRE_BROWSER"))) {
                throw new AssertionError(message + "; LAPSE_REQUIRE_BROWSER=1 requires it");
            }
            Assumptions.abort(message);
        }
        return new Chromium(found);
    }

    private static String find() {
        String configured = System.getenv("LAPSE_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Paths.get(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    /** The page's DOM after its scripts ran, as the browser serialises it. */
    public Page load(Path html) throws IOException, InterruptedException {
        Run r = run("--dump-dom", html.toUri().toString());
        return new Page(r.stdout, r.stderr);
    }

    /** The page's DOM after its scripts ran in a window of {@code width} x {@code height} pixels. */
    public Page load(Path html, int width, int height) throws IOException, InterruptedException {
        Run r = run(
                "--dump-dom",
                "--window-size=" + width + "," + height,
                html.toUri().toString());
        return new Page(r.stdout, r.stderr);
    }

    /** Saves a screenshot of the page's first {@code width} x {@code height} pixels as PNG. */
    public void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        screenshot(html, png, width, height, false);
    }

    /**
     * {@link #screenshot(Path, Path, int, int)}, in the system's dark mode when {@code dark} (the page sees {@code
     * prefers-color-scheme: dark}).
     */
    public void screenshot(Path html, Path png, int width, int height, boolean dark)
            throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        List<String> args = new ArrayList<>(
                List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height));
        if (dark) {
            args.add("--force-dark-mode");
        }
        args.add(html.toUri().toString());
        run(args.toArray(new String[0]));
        if (!Files.isRegularFile(png) || Files.size(png) < 1000) {
            throw new AssertionError("no screenshot at " + png);
        }
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-extensions",
                "--enable-logging=stderr",
                "--v=0"));
        cmd.addAll(List.of(args));
        Path home = Files.createTempDirectory("lapse-chromium-");
        cmd.add(1, "--user-data-dir=" + home);
        Path stdout = Files.createTempFile("lapse-chromium-", ".out");
        Path stderr = Files.createTempFile("lapse-chromium-", ".err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + "s: " + cmd);
        }
        Run r = new Run(
                Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        if (p.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + p.exitValue() + ": " + cmd + "\n" + r.stderr);
        }
        return r;
    }

    private static final class Run {
        final String stdout;
        final String stderr;

        Run(String stdout, String stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }

    /** A loaded page: its DOM and the browser's log. */
    public static final class Page {
        public final String dom;
        public final String log;

        Page(String dom, String log) {
            this.dom = dom;
            this.log = log;
        }

        /** How often {@code text} occurs in the DOM. */
        public int count(String text) {
            int n = 0;
            for (int i = dom.indexOf(text); i >= 0; i = dom.indexOf(text, i + text.length())) {
                n++;
            }
            return n;
        }

        /** Console messages that are script errors (Chromium logs them as {@code Uncaught ...}). */
        public List<String> scriptErrors() {
            List<String> errors = new ArrayList<>();
            for (String line : log.split("\n")) {
                if (line.contains("Uncaught") || line.contains(":CONSOLE") && line.contains("Error")) {
                    errors.add(line);
                }
            }
            return errors;
        }
    }
}
