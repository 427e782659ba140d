package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.it.support.ForkedJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class ShadedJarIT {

    /** The renamed hook, which only the bootstrap class loader may define (see BootstrapInjector). */
    private static final String HOOK_ENTRIES = "java/util/function/LapseHook";

    @Test
    void jar_holds_nothing_outside_the_agent_prefix_and_META_INF_but_the_hook() throws IOException {
        List<String> strays = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            jar.stream()
                    .map(e -> e.getName())
                    .filter(n -> !n.startsWith("dev/lapse/") && !n.startsWith("META-INF/") && !n.equals("dev/"))
                    .filter(n -> !n.startsWith(HOOK_ENTRIES) && !HOOK_ENTRIES.startsWith(n))
                    .forEach(strays::add);
        }
        assertEquals(List.of(), strays, "entries outside dev/lapse/ and META-INF/");
    }

    @Test
    void third_party_code_is_relocated_and_the_hook_is_not_a_loadable_class() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            assertTrue(jar.getEntry("dev/lapse/agent/shaded/asm/ClassReader.class") != null, "ASM relocated");
            assertTrue(
                    jar.getEntry("dev/lapse/agent/shaded/asm/commons/AdviceAdapter.class") != null,
                    "ASM Commons relocated");
            assertTrue(jar.getEntry("dev/lapse/agent/shaded/slf4j/LoggerFactory.class") != null, "SLF4J relocated");
            assertTrue(
                    jar.getEntry("META-INF/services/dev.lapse.agent.shaded.slf4j.spi.SLF4JServiceProvider") != null,
                    "SLF4J service file relocated");
            assertTrue(
                    jar.getEntry("dev/lapse/agent/bootstrap/LapseHook.class") == null,
                    "hook renamed out of the agent's packages");
            assertTrue(jar.getEntry(HOOK_ENTRIES + ".class") != null, "hook renamed into a JDK package");
            assertTrue(jar.getEntry(HOOK_ENTRIES + "$Sink.class") != null, "its nested classes with it");
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
            assertEquals("dev.lapse.agent", m.getMainAttributes().getValue("Automatic-Module-Name"));
        }
    }

    @Test
    void jar_carries_lapses_licence_and_the_bundled_libraries_licences_and_notices() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            assertContains(jar, "META-INF/LICENSE", "Apache License", "Version 2.0, January 2004");
            assertContains(jar, "META-INF/NOTICE", "ASM", "SLF4J", "META-INF/licenses/");
            assertContains(
                    jar, "META-INF/licenses/asm/LICENSE", "INRIA", "Redistribution and use in source and binary forms");
            assertContains(jar, "META-INF/licenses/slf4j-api/LICENSE.txt", "QOS.ch", "Permission is hereby granted");
        }
    }

    @Test
    void the_api_class_is_not_in_the_agent_jar_so_applications_load_one_copy_from_lapse_api() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            assertNull(jar.getEntry("dev/lapse/Lapse.class"));
        }
    }

    private static void assertContains(JarFile jar, String entry, String... texts) throws IOException {
        JarEntry e = jar.getJarEntry(entry);
        assertNotNull(e, "no " + entry);
        try (InputStream in = jar.getInputStream(e)) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String text : texts) {
                assertTrue(content.contains(text), entry + " lacks '" + text + "'");
            }
        }
    }
}
