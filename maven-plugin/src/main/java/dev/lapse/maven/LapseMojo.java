package dev.lapse.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the three goals share: the run's report directory and the switch that turns Lapse off for a build. */
abstract class LapseMojo extends AbstractMojo {

    /**
     * Skips the goal. {@code prepare-agent} then leaves the agent off the test JVMs and sets its property to empty
     * when nothing else set it, so that an {@code @{argLine}} in Surefire's configuration still resolves.
     */
    @Parameter(property = "lapse.skip", defaultValue = "false")
    boolean skip;

    /**
     * The report directory of the run: the agent's {@code out}, where every test JVM of the build writes and merges
     * its report, and where {@code report} renders the merged report and {@code check} reads it.
     */
    @Parameter(property = "lapse.out", defaultValue = "${project.build.directory}/lapse")
    File out;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            skipped();
        } else {
            run();
        }
    }

    /** What the goal does when it is skipped; by default it says so. */
    void skipped() {
        getLog().info("Lapse: skipped");
    }

    abstract void run() throws MojoExecutionException, MojoFailureException;
}
