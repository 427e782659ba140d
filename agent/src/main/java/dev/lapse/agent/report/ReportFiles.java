package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the report files into one directory, one per chosen {@link ReportFormat}. Each file is written to a
 * temporary file beside it and moved into place, so that a reader never sees half a report. The files get the
 * permissions any build output gets (the process's umask decides), and nothing but the report files is left in
 * the directory. Writers in several JVMs that share a directory are kept apart by {@link SharedReportDir}.
 */
public final class ReportFiles {
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

    /**
     * Writes every chosen format of {@code report}, one JVM's or a merge. All of them are
     * rendered and written first and then moved into place one after the other, so the set a reader finds is one
     * report's whenever the writers of a directory take turns.
     */
    public void write(Report report) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        try {
            for (ReportFormat f : formats) {
                written.add(temporary(f.fileName(), f.render(report)));
            }
            for (int i = 0; i < formats.size(); i++) {
                Files.move(
                        written.get(i),
                        dir.resolve(formats.get(i).fileName()),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            for (Path tmp : written) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * A new hidden file beside {@code name} holding {@code content}. Not {@code Files.createTempFile}, which makes
     * its files readable by their owner only: a report is read by whoever reads the build's output.
     */
    private Path temporary(String name, String content) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.write(
                        tmp,
                        content.getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return tmp;
            } catch (FileAlreadyExistsException taken) {
                // another writer's name: draw again
            } catch (IOException e) {
                Files.deleteIfExists(tmp); // half written: a full disk
                throw e;
            }
        }
    }
}
