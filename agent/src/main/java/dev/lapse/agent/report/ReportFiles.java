package dev.lapse.agent.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the report files into one directory: {@code lapse-report.json} and {@code lapse-report.txt}. Each
 * file is written to a temporary file and moved into place, under a lock file, so that a reader never sees half
 * a report and two JVMs writing to one directory do not interleave.
 */
public final class ReportFiles {
    public static final String JSON = "lapse-report.json";
    public static final String TEXT = "lapse-report.txt";
    private static final String LOCK = ".lapse-report.lock";

    private final Path dir;

    public ReportFiles(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory and checks it can be written, so a bad {@code out} fails at start-up, not at exit. */
    public void prepare() throws IOException {
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("cannot write to " + dir);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Writes both files. */
    public void write(Report report) throws IOException {
        Files.createDirectories(dir);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            replace(JSON, JsonReportWriter.write(report));
            replace(TEXT, TextReportWriter.write(report));
        }
    }

    private void replace(String name, String content) throws IOException {
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            Files.write(tmp, content.getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
