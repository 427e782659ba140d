package dev.lapse.maven;

import dev.lapse.agent.report.JsonReportReader;
import dev.lapse.agent.report.ReportFiles;
import dev.lapse.agent.report.ReportFormat;
import dev.lapse.agent.report.TextReportWriter;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The merged report the test JVMs of this build left in the run's directory (the agent's {@code out} with
 * {@code shared=true}): what {@code report} renders and {@code check} judges. A report left by an earlier build is
 * not this build's, so it is never judged again.
 */
final class RunReport {
    private final Path dir;
    private final Report report;

    private RunReport(Path dir, Report report) {
        this.dir = dir;
        this.report = report;
    }

    /**
     * The run's report, or empty, with the reason logged, when no JVM of this build wrote one.
     *
     * @param buildStart when this Maven build started
     */
    static Optional<RunReport> read(Path dir, Instant buildStart, Log log) throws MojoExecutionException {
        Path file = dir.resolve(ReportFormat.JSON.fileName());
        if (!Files.isRegularFile(file)) {
            log.info("Lapse: no report in " + dir + ": no test JVM ran with the agent (were the tests skipped?)");
            return Optional.empty();
        }
        Report report;
        try {
            report = JsonReportReader.read(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("Lapse: cannot read " + file + ": " + e.getMessage(), e);
        }
        if (report.generated().isBefore(buildStart)) {
            log.info("Lapse: the report in " + dir + " is from an earlier build (" + report.generated()
                    + "): no test JVM of this build ran with the agent");
            return Optional.empty();
        }
        return Optional.of(new RunReport(dir, report));
    }

    /** The report's one-line summary, as the agent prints it at a JVM's exit. */
    String summary() {
        return TextReportWriter.summary(report);
    }

    /** The finding groups, biggest first. */
    List<Group> groups() {
        return report.groups();
    }

    /** The report file people open: the HTML one when it was written, else the text one, else the JSON. */
    Path mainFile() {
        return Stream.of(ReportFormat.HTML, ReportFormat.TEXT)
                .map(f -> dir.resolve(f.fileName()))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(dir.resolve(ReportFormat.JSON.fileName()));
    }

    /** Writes the report in {@code formats} into the run's directory. */
    void render(List<ReportFormat> formats) throws IOException {
        new ReportFiles(dir, formats).write(report);
    }
}
