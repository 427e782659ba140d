package dev.lapse.maven;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.Suppressions;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Puts the Lapse agent on the command line of the JVMs the build forks for tests: appends
 * {@code -javaagent:lapse-agent.jar=OPTIONS} to a property ({@code argLine}, which Surefire and Failsafe read), after
 * whatever is already there (JaCoCo's agent, memory settings). The options are the agent's own, each a parameter of
 * the same name taking the same values (docs/options.md, where an option a parameter leaves unset has its default);
 * every test JVM of the run shares {@code out} and merges its report there.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends LapseMojo {
    static final String AGENT_ARTIFACT = "dev.lapse:lapse-agent";

    @Parameter(property = "plugin.artifactMap", required = true, readonly = true)
    Map<String, Artifact> pluginArtifactMap;

    /** The property that receives the agent argument; Surefire and Failsafe read {@code argLine}. */
    @Parameter(property = "lapse.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Extra lifecycle-ending method names, {@code :}-separated, added to the built-in ones. */
    @Parameter(property = "lapse.lifecycle")
    String lifecycle;

    /** Class name patterns ({@code *} and {@code ?}, {@code :}-separated) never instrumented. */
    @Parameter(property = "lapse.excludes")
    String excludes;

    /** Most registrations tracked at once in one JVM; past it new ones are dropped and counted. */
    @Parameter(property = "lapse.maxTracked")
    String maxTracked;

    /** Whether a check forces a full garbage collection. */
    @Parameter(property = "lapse.gc")
    String gc;

    /** Time limit for the check and report at JVM exit, such as {@code 10s}. */
    @Parameter(property = "lapse.exitTimeout")
    String exitTimeout;

    /** Most objects one check's reference walk visits. */
    @Parameter(property = "lapse.walkLimit")
    String walkLimit;

    /** Time limit for one check's reference walk. */
    @Parameter(property = "lapse.walkTimeout")
    String walkTimeout;

    /**
     * The report files each JVM writes into {@code out}, {@code :}-separated: {@code json}, {@code txt},
     * {@code html}, {@code sarif}. {@code json} is always written: {@code report} and {@code check} read it.
     */
    @Parameter(property = "lapse.formats", defaultValue = ReportMojo.DEFAULT_FORMATS)
    String formats;

    /**
     * Whether the run's JVMs (Surefire's and Failsafe's forks) share {@code out} and merge their reports there.
     * Default {@code true}, unlike the agent's own default.
     */
    @Parameter(property = "lapse.shared", defaultValue = "true")
    String shared;

    /**
     * Class name patterns ({@code :}-separated): a finding whose owner, listener or subject class matches is not
     * reported. {@code check} applies them too.
     */
    @Parameter(property = "lapse.suppress")
    String suppress;

    /** A rules file of known, intended registrations, never reported. {@code check} applies it too. */
    @Parameter(property = "lapse.rules")
    File rules;

    /** Live registrations one call site may make on one subject before they are an accumulation. */
    @Parameter(property = "lapse.accumulation")
    String accumulation;

    /** How long registrations must keep coming for an accumulation; {@code 0s} lets the count alone decide. */
    @Parameter(property = "lapse.accumulationWindow")
    String accumulationWindow;

    /**
     * The agent's log level on the test JVMs' standard error: {@code debug}, {@code info}, {@code warn},
     * {@code error}, {@code off}. Default {@code warn}: the {@code report} goal prints the run's summary instead.
     */
    @Parameter(property = "lapse.log", defaultValue = "warn")
    String log;

    @Override
    void run() throws MojoExecutionException {
        Artifact agent = pluginArtifactMap.get(AGENT_ARTIFACT);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("Lapse: the plugin's own " + AGENT_ARTIFACT + " jar was not resolved");
        }
        String options = options();
        try {
            // a bad option or rules file fails the build here, with the agent's own line, not each test JVM's start
            Suppressions.load(AgentOptions.parse(options));
            Properties properties = project.getProperties();
            String value =
                    new AgentArgument(agent.getFile().toPath(), options).appendTo(properties.getProperty(propertyName));
            properties.setProperty(propertyName, value);
            getLog().info("Lapse: " + propertyName + " set to " + value);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Lapse: " + e.getMessage(), e);
        }
    }

    /** Leaves the agent off, but never leaves the property undefined: {@code @{argLine}} would stay in the command. */
    @Override
    void skipped() {
        Properties properties = project.getProperties();
        if (properties.getProperty(propertyName) == null) {
            properties.setProperty(propertyName, "");
            getLog().info("Lapse: skipped, " + propertyName + " set to empty");
        } else {
            getLog().info("Lapse: skipped, " + propertyName + " left as it was");
        }
    }

    /** The agent argument's options, {@code key=value,...}, from the parameters that are set. */
    String options() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put(AgentOptions.OUT.key(), out.getAbsolutePath());
        given.put(AgentOptions.SHARED.key(), shared);
        given.put(AgentOptions.FORMATS.key(), withJson(formats));
        given.put(AgentOptions.LOG.key(), log);
        given.put(AgentOptions.LIFECYCLE.key(), lifecycle);
        given.put(AgentOptions.EXCLUDES.key(), excludes);
        given.put(AgentOptions.MAX_TRACKED.key(), maxTracked);
        given.put(AgentOptions.GC.key(), gc);
        given.put(AgentOptions.EXIT_TIMEOUT.key(), exitTimeout);
        given.put(AgentOptions.WALK_LIMIT.key(), walkLimit);
        given.put(AgentOptions.WALK_TIMEOUT.key(), walkTimeout);
        given.put(AgentOptions.SUPPRESS.key(), suppress);
        given.put(AgentOptions.RULES.key(), rules == null ? null : rules.getAbsolutePath());
        given.put(AgentOptions.ACCUMULATION.key(), accumulation);
        given.put(AgentOptions.ACCUMULATION_WINDOW.key(), accumulationWindow);
        return given.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + e.getValue().strip())
                .collect(Collectors.joining(","));
    }

    private static String withJson(String formats) {
        return formats == null || formats.isBlank()
                ? "json"
                : (":" + formats + ":").contains(":json:") ? formats : "json:" + formats;
    }
}
