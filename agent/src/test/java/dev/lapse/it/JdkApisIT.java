package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.JdkApis;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDK's own registration APIs, instrumented through the bootstrap hook, in headless mode. */
class JdkApisIT {
    private static final String S = "dev.lapse.it.scenario.JdkApis$";
    private static ForkedJvm.Result result;
    private static FindingsByOwner findings;

    @BeforeAll
    static void run() {
        result = ForkedJvm.main(JdkApis.class).run().assertSuccess();
        findings = new FindingsByOwner(result, S);
    }

    private static JsonValue finding(String owner, String method) {
        JsonValue f = findings.of(owner, method);
        findings.registeredByOwner(f, owner);
        List<JsonValue> chain = f.get("chain").list();
        assertFalse(chain.isEmpty());
        assertEquals(S + owner, chain.get(chain.size() - 1).get("to").string(), result.text());
        return f;
    }

    @Test
    void every_api_is_one_group_and_nothing_else() {
        assertEquals(11, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());
        assertTrue(result.stdout.contains("listeners on the button: 1"), result.stdout);
    }

    @Test
    void property_change_support_both_forms() {
        JsonValue plain = finding("PcsView", "java.beans.PropertyChangeSupport#addPropertyChangeListener");
        assertEquals(
                "java.beans.PropertyChangeSupport", plain.get("subject.class").string());
        assertTrue(
                FindingsByOwner.code(plain).contains("removePropertyChangeListener(listener);"),
                FindingsByOwner.code(plain));
        JsonValue named = finding("NamedPcsView", "java.beans.PropertyChangeSupport#addPropertyChangeListener");
        assertTrue(
                FindingsByOwner.code(named)
                        .contains("removePropertyChangeListener(/* same String as when added */, listener)"),
                FindingsByOwner.code(named));
    }

    @Test
    void vetoable_change_support() {
        JsonValue f = finding("VetoView", "java.beans.VetoableChangeSupport#addVetoableChangeListener");
        assertEquals("enclosing-instance", f.get("owner.relation").string());
    }

    @Test
    void observable() {
        JsonValue f = finding("ObserverView", "java.util.Observable#addObserver");
        assertEquals("self", f.get("owner.relation").string());
        assertTrue(FindingsByOwner.code(f).contains("deleteObserver(this);"), FindingsByOwner.code(f));
    }

    @Test
    void preferences() {
        finding("PrefsView", "java.util.prefs.AbstractPreferences#addPreferenceChangeListener");
    }

    @Test
    void swing_button_counts_once_though_it_delegates_to_its_event_listener_list() {
        JsonValue f = finding("ButtonView", "javax.swing.AbstractButton#addActionListener");
        assertTrue(FindingsByOwner.code(f).contains("removeActionListener("), FindingsByOwner.code(f));
    }

    @Test
    void component_property_change_listener_is_the_override_the_call_reached() {
        finding("PanelView", "java.awt.Container#addPropertyChangeListener");
    }

    @Test
    void application_class_over_an_event_listener_list_is_the_registration() {
        finding("RegistryView", "dev.lapse.it.scenario.JdkApis$Registry#addRegistryListener");
    }

    @Test
    void event_listener_list_used_directly() {
        JsonValue f = finding("RawListView", "javax.swing.event.EventListenerList#add");
        assertTrue(
                FindingsByOwner.code(f).contains("remove(/* same Class as when added */, this);"),
                FindingsByOwner.code(f));
    }

    @Test
    void ui_manager_static_registration() {
        JsonValue f = finding("ThemeView", "javax.swing.UIManager#addPropertyChangeListener");
        assertTrue(f.get("subject.static").bool());
        assertTrue(
                FindingsByOwner.code(f).contains("UIManager.removePropertyChangeListener(listener);"),
                FindingsByOwner.code(f));
    }

    @Test
    void toolkit_awt_event_listener() {
        JsonValue f = finding("InputSpy", "java.awt.Toolkit#addAWTEventListener");
        assertTrue(FindingsByOwner.code(f).contains("removeAWTEventListener(listener);"), FindingsByOwner.code(f));
    }
}
