package dev.lapse.maven;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.OptionException;
import dev.lapse.agent.report.ReportFormat;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the run's merged report into {@code out} ({@code target/lapse/}) in the chosen formats and prints its
 * summary to the build log: a forked test JVM prints its own summary at exit, after Surefire stopped reading it.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends LapseMojo {
    static final String DEFAULT_FORMATS = "json:txt:html:sarif";

    /**
     * The report files to write, {@code :}-separated: {@code json} (for tools), {@code txt} (for logs), {@code html}
     * (for people), {@code sarif} (for code scanning).
     */
    @Parameter(property = "lapse.formats", defaultValue = DEFAULT_FORMATS)
    String formats;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    void run() throws MojoExecutionException {
        List<ReportFormat> chosen;
        try {
            chosen = AgentOptions.FORMATS.type().read(formats, "formats");
        } catch (OptionException e) {
            throw new MojoExecutionException("Lapse: " + e.getMessage(), e);
        }
        Optional<RunReport> report =
                RunReport.read(out.toPath(), session.getStartTime().toInstant(), getLog());
        if (report.isEmpty()) {
            return;
        }
        try {
            report.get().render(chosen);
        } catch (IOException e) {
            throw new MojoExecutionException("Lapse: cannot write the report to " + out + ": " + e.getMessage(), e);
        }
        // two lines when nothing was found, the second saying why: each with its prefix
        report.get().summary().lines().forEach(line -> getLog().info("Lapse: " + line));
        getLog().info("Lapse report: " + report.get().mainFile());
    }
}
