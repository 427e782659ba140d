package dev.lapse.maven;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.Suppressions;
import java.io.File;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the run's merged report holds finding groups beyond the configured limits, naming each
 * group: the gate for a CI run whose tests are not JUnit 5 tests with lapse-junit5 (which fails the leaking test
 * itself). With no limits configured, any finding fails the build.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends LapseMojo {

    /**
     * The limits, each {@code <limit><signal>NAME or PATTERN</signal><maxGroups>N</maxGroups></limit>}; a group
     * counts against the first limit whose signal matches it, a group no limit names does not count. Default: one
     * limit, every signal, no group allowed.
     */
    @Parameter
    List<Limit> limits;

    /**
     * Class name patterns ({@code :}-separated): a finding whose owner, listener or subject class matches does not
     * count. The same parameter as {@code prepare-agent}'s, where the agent applies it.
     */
    @Parameter(property = "lapse.suppress")
    String suppress;

    /**
     * A rules file of known, intended registrations (the agent's syntax: {@code subject=... caller=... reason=...}):
     * a finding it matches does not count. The same parameter as {@code prepare-agent}'s.
     */
    @Parameter(property = "lapse.rules")
    File rules;

    /** Whether a breached limit fails the build; {@code false} only logs it. */
    @Parameter(property = "lapse.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        FindingGate gate = gate();
        Optional<RunReport> report =
                RunReport.read(out.toPath(), session.getStartTime().toInstant(), getLog());
        if (report.isEmpty()) {
            return;
        }
        FindingGate.Verdict verdict = gate.judge(report.get().groups());
        String suppressed = verdict.suppressed() == 0 ? "" : ", " + verdict.suppressed() + " suppressed";
        if (verdict.passed()) {
            getLog().info("Lapse: check passed: " + verdict.counted() + " finding group"
                    + (verdict.counted() == 1 ? "" : "s") + " within the limits" + suppressed);
            return;
        }
        String message = FindingGate.describe(verdict.breaches()) + "\nLapse report: "
                + report.get().mainFile();
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message);
    }

    private FindingGate gate() throws MojoExecutionException {
        List<Limit> effective = limits == null || limits.isEmpty() ? List.of(new Limit("*", 0)) : limits;
        StringBuilder argument = new StringBuilder();
        if (suppress != null && !suppress.isBlank()) {
            argument.append(AgentOptions.SUPPRESS.key()).append('=').append(suppress.strip());
        }
        if (rules != null) {
            argument.append(argument.length() == 0 ? "" : ",")
                    .append(AgentOptions.RULES.key())
                    .append('=')
                    .append(rules.getAbsolutePath());
        }
        try {
            effective.forEach(Limit::validate);
            Suppressions suppressions = Suppressions.load(AgentOptions.parse(argument.toString()));
            return new FindingGate(effective, suppressions);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Lapse: " + e.getMessage(), e);
        }
    }
}
