package dev.lapse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class PrepareAgentMojoTest {
    private static final File AGENT = new File("/repo/dev/lapse/lapse-agent/lapse-agent.jar");

    private static PrepareAgentMojo mojo() {
        PrepareAgentMojo mojo = new PrepareAgentMojo();
        Artifact agent = new DefaultArtifact(
                "dev.lapse", "lapse-agent", "1.0", "compile", "jar", null, new DefaultArtifactHandler("jar"));
        agent.setFile(AGENT);
        mojo.pluginArtifactMap = Map.of(PrepareAgentMojo.AGENT_ARTIFACT, agent);
        mojo.project = new MavenProject();
        mojo.out = new File("/p/target/lapse");
        mojo.propertyName = "argLine";
        mojo.formats = ReportMojo.DEFAULT_FORMATS;
        mojo.shared = "true";
        mojo.log = "warn";
        return mojo;
    }

    @Test
    void by_default_every_jvm_of_the_run_shares_out_under_target() {
        assertEquals("out=/p/target/lapse,shared=true,formats=json:txt:html:sarif,log=warn", mojo().options());
    }

    @Test
    void options_are_passed_under_the_agents_names_and_json_is_always_written() {
        PrepareAgentMojo mojo = mojo();
        mojo.formats = "html";
        mojo.lifecycle = "teardown:shutdownNow";
        mojo.accumulationWindow = "0s";
        mojo.rules = new File("/p/lapse.rules");
        assertEquals(
                "out=/p/target/lapse,shared=true,formats=json:html,log=warn,lifecycle=teardown:shutdownNow,"
                        + "rules=/p/lapse.rules,accumulationWindow=0s",
                mojo.options());
    }

    @Test
    void the_agent_argument_is_appended_to_the_property() throws Exception {
        PrepareAgentMojo mojo = mojo();
        mojo.project.getProperties().setProperty("argLine", "-javaagent:/repo/jacoco.jar=destfile=/p/jacoco.exec");
        mojo.execute();
        assertEquals(
                "-javaagent:/repo/jacoco.jar=destfile=/p/jacoco.exec -javaagent:" + AGENT
                        + "=out=/p/target/lapse,shared=true,formats=json:txt:html:sarif,log=warn",
                mojo.project.getProperties().getProperty("argLine"));
    }

    @Test
    void a_bad_option_fails_the_build_with_the_agents_message() {
        PrepareAgentMojo mojo = mojo();
        mojo.gc = "sometimes";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("option 'gc' has bad value 'sometimes'"), e.getMessage());
        assertEquals(null, mojo.project.getProperties().getProperty("argLine"));
    }

    @Test
    void skipped_it_sets_an_undefined_property_to_empty_and_leaves_a_defined_one() throws Exception {
        PrepareAgentMojo mojo = mojo();
        mojo.skip = true;
        mojo.execute();
        assertEquals("", mojo.project.getProperties().getProperty("argLine"));

        mojo.project.getProperties().setProperty("argLine", "-Xmx1g");
        mojo.execute();
        assertEquals("-Xmx1g", mojo.project.getProperties().getProperty("argLine"));
    }

    @Test
    void another_property_can_receive_it() throws Exception {
        PrepareAgentMojo mojo = mojo();
        mojo.propertyName = "lapse.argLine";
        mojo.execute();
        assertTrue(mojo.project.getProperties().getProperty("lapse.argLine").startsWith("-javaagent:" + AGENT));
        assertEquals(null, mojo.project.getProperties().getProperty("argLine"));
    }
}
