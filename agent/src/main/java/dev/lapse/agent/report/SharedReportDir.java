package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Report;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A report directory that the JVMs of one run share (Surefire's forks, Gradle's test workers): each JVM keeps its
 * own JSON report in {@code jvms/PID/} and, when it writes, merges every report of the run into the directory's
 * report files. The last JVM to finish therefore leaves the report of the whole run, with no step after the tests.
 *
 * <p>A run is told apart from the next by the process that started the JVMs (its pid and start time): a JVM
 * directory left by an earlier run, of a build that did not clean, is deleted instead of merged. Merging is done
 * under a lock file, so JVMs finishing together do not lose each other's findings.
 */
public final class SharedReportDir {
    /** The subdirectory holding one directory per JVM. */
    public static final String JVMS = "jvms";

    private static final String RUN_FILE = "run";
    private static final String MERGE_LOCK = ".lapse-merge.lock";
    private static final Set<String> SHELLS = Set.of(
            "sh", "bash", "dash", "zsh", "ksh", "ash", "busybox", "cmd.exe", "powershell.exe", "pwsh", "pwsh.exe");

    private final ReportFiles merged;
    private final Path own;
    private final String run;

    /**
     * @param merged the shared directory and the formats of the merged report
     * @param jvm this JVM's name among the run's, e.g. its pid
     * @param run what the run's JVMs have in common, e.g. {@link #currentRun()}
     */
    public SharedReportDir(ReportFiles merged, String jvm, String run) {
        this.merged = merged;
        this.own = merged.dir().resolve(JVMS).resolve(jvm);
        this.run = run;
    }

    /**
     * This JVM's run: the process that started it, by pid and start time, passing over shells (Surefire starts
     * each fork through {@code sh -c}); {@code "none"} when there is no such process.
     */
    public static String currentRun() {
        Optional<ProcessHandle> p = ProcessHandle.current().parent();
        while (p.isPresent() && isShell(p.get())) {
            p = p.get().parent();
        }
        return p.map(h -> h.pid() + "@"
                        + h.info().startInstant().map(Object::toString).orElse("?"))
                .orElse("none");
    }

    private static boolean isShell(ProcessHandle process) {
        String command = process.info().command().orElse("");
        String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
        return SHELLS.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Writes this JVM's report, then the merge of the run's reports into the shared directory.
     *
     * @param version the merging Lapse's version
     * @return the number of JVM reports merged, this one included
     * @throws IOException when this JVM's report or the merged files cannot be written; a report of another JVM
     *     that cannot be read is left out and named in the merged report's {@code notes}
     */
    public int write(Report report, String version, long nowMillis) throws IOException {
        // the run file first: a directory without one is a JVM just starting to write, never a stale one
        Files.createDirectories(own);
        Files.writeString(own.resolve(RUN_FILE), run, StandardCharsets.UTF_8);
        new ReportFiles(own, List.of(ReportFormat.JSON)).write(report);
        try (FileChannel lockFile = FileChannel.open(
                        merged.dir().resolve(MERGE_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            ReportMerger merger = new ReportMerger(version, nowMillis);
            int count = 0;
            List<String> unreadable = new ArrayList<>();
            for (Path jvm : jvmDirs()) {
                String theirs = readRun(jvm);
                Path file = jvm.resolve(ReportFormat.JSON.fileName());
                if (theirs != null && !theirs.equals(run)) {
                    deleteTree(jvm);
                }
                if (theirs == null || !theirs.equals(run) || !Files.exists(file)) {
                    continue; // stale and deleted, or a JVM of this run that has not written yet and merges later
                }
                String name = merged.dir().relativize(file).toString();
                try {
                    merger.add(name, JsonReportReader.read(file));
                    count++;
                } catch (IOException | RuntimeException e) {
                    unreadable.add(name + " (" + e.getMessage() + ")");
                }
            }
            for (String u : unreadable) {
                merger.note("The report " + u + " of another JVM of this run could not be read; it is not merged.");
            }
            merged.write(merger.merged());
            return count;
        }
    }

    private List<Path> jvmDirs() throws IOException {
        Path jvms = merged.dir().resolve(JVMS);
        try (Stream<Path> list = Files.list(jvms)) {
            return list.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    private static String readRun(Path jvm) {
        try {
            return Files.readString(jvm.resolve(RUN_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p :
                    walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
