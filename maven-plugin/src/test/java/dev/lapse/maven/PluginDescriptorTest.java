package dev.lapse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The plugin as Maven sees it: the descriptor maven-plugin-plugin generated from the mojos. */
class PluginDescriptorTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    @Test
    void goals_run_in_jacocos_phases_so_one_execution_lists_all_three() throws Exception {
        Map<String, String> phases = new LinkedHashMap<>();
        for (Element mojo : mojos()) {
            phases.put(text(mojo, "goal"), text(mojo, "phase"));
        }
        assertEquals(Map.of("prepare-agent", "initialize", "report", "verify", "check", "verify"), phases);
    }

    @Test
    void prepare_agent_has_a_parameter_for_every_agent_option_under_its_own_name() throws Exception {
        List<String> parameters = parameters("prepare-agent");
        List<String> missing = new ArrayList<>();
        for (Option<?> option : AgentOptions.ALL) {
            if (!parameters.contains(option.key())) {
                missing.add(option.key());
            }
        }
        assertEquals(List.of(), missing, "agent options prepare-agent cannot set");
        assertTrue(parameters.containsAll(List.of("skip", "propertyName")), "skip and propertyName");
    }

    @Test
    void check_and_prepare_agent_share_the_suppression_parameters() throws Exception {
        assertTrue(parameters("check").containsAll(List.of("limits", "suppress", "rules", "haltOnFailure", "out")));
    }

    private static List<Element> mojos() throws Exception {
        assertTrue(Files.isRegularFile(DESCRIPTOR), "no " + DESCRIPTOR + ": run through Maven");
        NodeList list = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(DESCRIPTOR.toFile())
                .getElementsByTagName("mojo");
        List<Element> mojos = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            mojos.add((Element) list.item(i));
        }
        return mojos;
    }

    private static List<String> parameters(String goal) throws Exception {
        for (Element mojo : mojos()) {
            if (text(mojo, "goal").equals(goal)) {
                List<String> names = new ArrayList<>();
                NodeList params =
                        ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
                for (int i = 0; i < params.getLength(); i++) {
                    names.add(text((Element) params.item(i), "name"));
                }
                return names;
            }
        }
        throw new AssertionError("no goal " + goal);
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
