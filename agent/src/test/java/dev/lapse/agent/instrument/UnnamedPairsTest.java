package dev.lapse.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.fixtures.UnnamedSubjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shape rule for add/remove pairs outside the name families, and its constant-pool pre-filter. */
class UnnamedPairsTest {
    private final MethodPlanner planner =
            new MethodPlanner(new ApiCatalog(), new TypeScope(List.of()), Set.of("close", "dispose"));
    private final TypePool pool = new TypePool();
    private final ConstantPoolScan scan = new ConstantPoolScan(Set.of("close", "dispose"));

    private static byte[] bytes(Class<?> type) {
        try (InputStream in =
                type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plans {@code type} from its class file, as the transformer does. */
    private Map<String, ApiMethod> plan(Class<?> type) {
        byte[] classFile = bytes(type);
        Hierarchy hierarchy = new Hierarchy(pool, type.getClassLoader());
        return planner.plan(TypeInfo.read(classFile), hierarchy, classFile).stream()
                .collect(Collectors.toMap(p -> p.api().kind() + " " + p.api().name(), p -> p.api(), (a, b) -> a));
    }

    @Test
    void close_hooks_kept_in_a_list_are_a_registration_api() {
        Map<String, ApiMethod> plan = plan(UnnamedSubjects.Hooks.class);
        assertEquals("removeCloseHook", plan.get("ADD addCloseHook").removeName());
        assertEquals(0, plan.get("ADD addCloseHook").listenerIndex());
        assertTrue(plan.containsKey("REMOVE removeCloseHook"), plan.toString());
    }

    @Test
    void a_bare_add_and_remove_kept_in_a_map_are_a_registration_api() {
        Map<String, ApiMethod> plan = plan(UnnamedSubjects.CloseFutureLike.class);
        assertEquals("remove", plan.get("ADD add").removeName());
        assertTrue(plan.containsKey("REMOVE remove"), plan.toString());
    }

    @Test
    void an_argument_stored_in_an_array_is_kept() {
        assertEquals(
                "removeSink",
                plan(UnnamedSubjects.Sinks.class).get("ADD addSink").removeName());
    }

    @Test
    void an_add_that_keeps_nothing_is_no_registration() {
        assertTrue(plan(UnnamedSubjects.RunsAtOnce.class).isEmpty());
    }

    @Test
    void containers_builders_and_values_stay_out() {
        assertTrue(plan(UnnamedSubjects.Bag.class).isEmpty());
        assertTrue(plan(UnnamedSubjects.Builder.class).isEmpty());
        assertTrue(plan(UnnamedSubjects.Values.class).isEmpty());
        assertTrue(plan(UnnamedSubjects.AddOnly.class).isEmpty());
    }

    @Test
    void an_add_with_no_remove_that_returns_a_handle_is_undone_by_the_handle() {
        Map<String, ApiMethod> plan = plan(UnnamedSubjects.Watched.class);
        ApiMethod add = plan.get("ADD addWatcher");
        assertEquals(null, add.removeName());
        assertEquals("cancel", add.handleClose());
        assertTrue(scan.mayMatter(bytes(UnnamedSubjects.Watched.class)));
        assertTrue(plan(UnnamedSubjects.Counted.class).isEmpty());
    }

    @Test
    void the_pool_scan_lets_through_a_declared_pair_and_rejects_a_class_that_only_calls_add_and_remove() {
        assertTrue(scan.mayMatter(bytes(UnnamedSubjects.Hooks.class)));
        assertTrue(scan.mayMatter(bytes(UnnamedSubjects.CloseFutureLike.class)));
        assertFalse(scan.mayMatter(bytes(UnnamedSubjects.CallsOnly.class)));
        assertFalse(scan.mayMatter(bytes(UnnamedSubjects.AddOnly.class)));
    }
}
