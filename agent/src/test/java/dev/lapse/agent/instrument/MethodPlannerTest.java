package dev.lapse.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.fixtures.PlannerSubjects.FooListener;
import dev.lapse.fixtures.PlannerSubjects.SubSubject;
import dev.lapse.fixtures.PlannerSubjects.Subject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MethodPlannerTest {
    private final ApiCatalog catalog = new ApiCatalog();
    private final MethodPlanner planner =
            new MethodPlanner(catalog, new TypeScope(List.of()), Set.of("close", "dispose"));

    private final TypePool pool = new TypePool();

    /** Plans {@code type} from its class file, as the transformer does before the class is defined. */
    private Map<String, ApiMethod> plan(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        TypeInfo info = new Hierarchy(pool, loader).find(type.getName());
        return planner.plan(info, new Hierarchy(pool, loader)).stream()
                .collect(Collectors.toMap(p -> p.api().kind() + " " + p.api().name(), p -> p.api(), (a, b) -> a));
    }

    @Test
    void add_with_matching_remove_is_a_registration_api_with_the_listener_after_the_key() {
        ApiMethod add = plan(Subject.class).get("ADD addFooListener");
        assertEquals(1, add.listenerIndex());
        assertEquals("removeFooListener", add.removeName());
        assertEquals(FooListener.class.getName(), add.listenerType());
    }

    @Test
    void subscribe_pairs_with_unsubscribe_for_functional_interfaces() {
        assertEquals("unsubscribe", plan(Subject.class).get("ADD subscribe").removeName());
        assertTrue(plan(Subject.class).containsKey("REMOVE unsubscribe"));
    }

    @Test
    void add_without_remove_counts_only_for_listener_types() {
        Map<String, ApiMethod> plan = plan(Subject.class);
        assertNull(plan.get("ADD addTickListener").removeName());
        assertFalse(plan.containsKey("ADD addTick"));
        assertFalse(plan.containsKey("ADD addItem"));
    }

    @Test
    void private_add_methods_are_not_instrumented_but_lifecycle_ends_are() {
        Map<String, ApiMethod> plan = plan(Subject.class);
        assertFalse(plan.containsKey("ADD addHiddenListener"));
        assertTrue(plan.containsKey("END close"));
    }

    @Test
    void an_override_finds_the_remove_method_in_its_superclass() {
        assertEquals(
                "removeFooListener",
                plan(SubSubject.class).get("ADD addFooListener").removeName());
    }

    @Test
    void jdk_classes_outside_the_listed_packages_are_left_alone() {
        assertTrue(plan(java.util.ArrayList.class).isEmpty());
        assertTrue(plan(java.io.FileInputStream.class).isEmpty());
    }

    @Test
    void property_change_support_and_event_listener_list_are_recognised() {
        Map<String, ApiMethod> pcs = plan(java.beans.PropertyChangeSupport.class);
        assertEquals(
                "removePropertyChangeListener",
                pcs.get("ADD addPropertyChangeListener").removeName());
        Map<String, ApiMethod> list = plan(javax.swing.event.EventListenerList.class);
        assertEquals(1, list.get("ADD add").listenerIndex());
        assertTrue(list.containsKey("REMOVE remove"));
    }

    @Test
    void a_method_keeps_its_id_when_planned_again() {
        int first = plan(Subject.class).get("ADD subscribe").id();
        assertEquals(first, plan(Subject.class).get("ADD subscribe").id());
        assertEquals("subscribe", catalog.get(first).name());
    }
}
