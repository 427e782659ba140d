package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Report;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the report files into one directory, one per chosen {@link ReportFormat}. Each file is written to a
 * temporary file and moved into place, under a lock file, so that a reader never sees half a report and two JVMs
 * writing to one directory do not interleave.
 */
public final class ReportFiles {
    private static final String LOCK = ".lapse-report.lock";

    private final Path dir;
    private final List<ReportFormat> formats;

    /** @param formats at least one; the first is the {@linkplain #primary() primary} file */
    public ReportFiles(Path dir, List<ReportFormat> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no report format");
        }
        this.dir = dir;
        this.formats = List.copyOf(formats);
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

    /** The same formats into another directory. */
    public ReportFiles in(Path other) {
        return new ReportFiles(other, formats);
    }

    /** The file people are pointed to: the text report when it is written, else the first format's. */
    public Path primary() {
        return dir.resolve((formats.contains(ReportFormat.TEXT) ? ReportFormat.TEXT : formats.get(0)).fileName());
    }

    /** Writes every chosen format of {@code report}, one JVM's or a merge. */
    public void write(Report report) throws IOException {
        Files.createDirectories(dir);
        try (FileChannel lockFile =
                        FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            for (ReportFormat f : formats) {
                replace(f.fileName(), f.render(report));
            }
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
