package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.it.support.ForkedJvm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class ShadedJarIT {

    @Test
    void jar_holds_nothing_outside_the_agent_prefix_and_META_INF() throws IOException {
        List<String> strays = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            jar.stream()
                    .map(e -> e.getName())
                    .filter(n -> !n.startsWith("dev/lapse/") && !n.startsWith("META-INF/") && !n.equals("dev/"))
                    .forEach(strays::add);
        }
        assertEquals(List.of(), strays, "entries outside dev/lapse/ and META-INF/");
    }

    @Test
    void third_party_code_is_relocated_and_the_hook_is_not_a_loadable_class() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            assertTrue(
                    jar.getEntry("dev/lapse/agent/shaded/bytebuddy/ByteBuddy.class") != null, "Byte Buddy relocated");
            assertTrue(jar.getEntry("dev/lapse/agent/shaded/slf4j/LoggerFactory.class") != null, "SLF4J relocated");
            assertTrue(
                    jar.getEntry("META-INF/services/dev.lapse.agent.shaded.slf4j.spi.SLF4JServiceProvider") != null,
                    "SLF4J service file relocated");
            assertTrue(
                    jar.getEntry("dev/lapse/agent/bootstrap/LapseHook.class") == null,
                    "hook hidden from class loaders");
            assertTrue(jar.getEntry("dev/lapse/agent/bootstrap/LapseHook.classdata") != null, "hook shipped as data");
        }
    }

    @Test
    void manifest_declares_every_entry_point_and_retransformation() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            Manifest m = jar.getManifest();
            assertEquals("dev.lapse.agent.LapseAgent", m.getMainAttributes().getValue("Premain-Class"));
            assertEquals("dev.lapse.agent.LapseAgent", m.getMainAttributes().getValue("Agent-Class"));
            assertEquals("dev.lapse.agent.LapseAgent", m.getMainAttributes().getValue("Main-Class"));
            assertEquals("true", m.getMainAttributes().getValue("Can-Retransform-Classes"));
        }
    }
}
