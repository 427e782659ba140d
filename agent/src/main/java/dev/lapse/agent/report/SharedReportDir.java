package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Report;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A report directory that the JVMs of one run share (Surefire's forks, Gradle's test workers): each JVM keeps its
 * own JSON report in the run's working directory and, when it writes, merges every report of the run into the
 * report directory's files. The last JVM to finish therefore leaves the report of the whole run, with no step
 * after the tests.
 *
 * <p>The working directory ({@link #workDirOf}) is not in the report directory but in the temporary directory,
 * private to the user, so that the report directory holds the report files and nothing else. It holds one
 * directory per JVM and the lock file under which the JVMs merge in turn, so that JVMs finishing together do not
 * lose each other's findings. The lock file is never deleted: a lock file that goes away can be locked twice, by
 * a JVM that opened it before and one that creates it anew.
 *
 * <p>A run is told apart from the next by the process that started the JVMs (its pid and start time): a JVM
 * directory left by an earlier run is deleted instead of merged.
 */
public final class SharedReportDir {
    private static final String JVMS = "jvms";
    private static final String RUN_FILE = "run";
    private static final String MERGE_LOCK = "merge.lock";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<String> SHELLS = Set.of(
            "sh", "bash", "dash", "zsh", "ksh", "ash", "busybox", "cmd.exe", "powershell.exe", "pwsh", "pwsh.exe");

    private final ReportFiles merged;
    private final String jvm;
    private final String run;

    /**
     * @param merged the shared directory and the formats of the merged report
     * @param jvm this JVM's name among the run's, e.g. its pid
     * @param run what the run's JVMs have in common, e.g. {@link #currentRun()}
     */
    public SharedReportDir(ReportFiles merged, String jvm, String run) {
        this.merged = merged;
        this.jvm = jvm;
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
     * Where the JVMs sharing {@code reportDir}, an existing directory, keep their own reports and their lock:
     * {@code lapse-USER/} in the temporary directory, then a name drawn from the report directory's real path, so
     * that two spellings of one directory share it and two directories do not.
     */
    public static Path workDirOf(Path reportDir) throws IOException {
        Path real = reportDir.toRealPath();
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(real.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("a Java runtime without SHA-256", e);
        }
        StringBuilder name = new StringBuilder("shared-");
        for (int i = 0; i < 8; i++) {
            name.append(String.format("%02x", hash[i]));
        }
        return privateTempDir().resolve(name.toString());
    }

    /**
     * {@code lapse-USER/} in the temporary directory, made private to the user. On a machine several users share,
     * a directory of that name that is a link, or that others may write to, is refused rather than used.
     */
    private static Path privateTempDir() throws IOException {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"), "lapse-" + user);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isWritable(dir)
                    || (posix
                            && !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)
                                    .equals(OWNER_ONLY))) {
                throw new IOException(dir + " is not a directory private to this user: remove it");
            }
        }
        return dir;
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
        Files.createDirectories(merged.dir());
        Path work = workDirOf(merged.dir());
        Path jvms = work.resolve(JVMS);
        Path own = jvms.resolve(jvm);
        // the run file first: a directory without one is a JVM just starting to write, never a stale one
        Files.createDirectories(own);
        Files.writeString(own.resolve(RUN_FILE), run, StandardCharsets.UTF_8);
        new ReportFiles(own, List.of(ReportFormat.JSON)).write(report);
        try (FileChannel lockFile =
                FileChannel.open(work.resolve(MERGE_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            lockFile.lock(); // released when the channel closes
            ReportMerger merger = new ReportMerger(version, nowMillis);
            int count = 0;
            List<String> unreadable = new ArrayList<>();
            for (Path other : jvmDirs(jvms)) {
                String theirs = readRun(other);
                Path file = other.resolve(ReportFormat.JSON.fileName());
                if (theirs != null && !theirs.equals(run)) {
                    deleteTree(other);
                }
                if (theirs == null || !theirs.equals(run) || !Files.exists(file)) {
                    continue; // stale and deleted, or a JVM of this run that has not written yet and merges later
                }
                String name = JVMS + "/" + other.getFileName() + "/" + file.getFileName();
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

    private static List<Path> jvmDirs(Path jvms) throws IOException {
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
