package dev.lapse.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameRulesTest {
    @Test
    void add_style_names_are_family_names_or_bare_register_and_subscribe() {
        for (String name : List.of(
                "addListener",
                "addFooListener",
                "addObserver",
                "addStatusCallback",
                "addEventHandler",
                "register",
                "registerListener",
                "subscribe",
                "subscribeHandler")) {
            assertTrue(NameRules.isAdd(name), name);
        }
        for (String name :
                List.of("add", "addAll", "address", "addItem", "registered", "registry", "subscriber", "addlistener")) {
            assertFalse(NameRules.isAdd(name), name);
        }
    }

    @Test
    void each_add_style_name_knows_its_remove_names() {
        assertEquals(List.of("removeFooListener", "deleteFooListener"), NameRules.removeNamesFor("addFooListener"));
        assertEquals(List.of("unregister", "deregister"), NameRules.removeNamesFor("register"));
        assertEquals(List.of("unsubscribe"), NameRules.removeNamesFor("subscribe"));
        assertEquals(List.of("removeObserver", "deleteObserver"), NameRules.removeNamesFor("addObserver"));
    }

    @Test
    void remove_style_names_mirror_the_add_style_ones() {
        for (String name :
                List.of("removeListener", "deleteObserver", "unregister", "deregisterCallback", "unsubscribe")) {
            assertTrue(NameRules.isRemove(name), name);
        }
        assertFalse(NameRules.isRemove("remove"));
        assertFalse(NameRules.isRemove("removeAll"));
    }
}
