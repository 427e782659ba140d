package dev.lapse.agent.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalTest {
    @Test
    void wire_names_are_the_names_reports_and_options_have_always_used() {
        assertEquals(
                List.of(
                        "lifecycle-end",
                        "explicit",
                        "scope-end",
                        "ineffective-removal",
                        "lost-listener",
                        "accumulation",
                        "partial-detachment",
                        "detached-subject"),
                Arrays.stream(Signal.values()).map(Signal::wireName).toList());
        assertEquals(
                List.of("self", "enclosing-instance", "captured", "registered-by", "weak-delegate", "weakly-held"),
                Arrays.stream(OwnerRelation.values())
                        .map(OwnerRelation::wireName)
                        .toList());
    }

    @Test
    void a_signal_is_looked_up_by_its_wire_name_and_a_typo_names_the_signals() {
        for (Signal s : Signal.values()) {
            assertEquals(s, Signal.named(s.wireName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signal.named("lifecycle"));
        assertEquals("'lifecycle' is not a signal: one of " + Signal.names(), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Signal.named("LIFECYCLE_END"));
    }

    @Test
    void only_the_signals_about_what_an_owner_left_behind_cover_part_of_its_registrations() {
        for (Signal s : Signal.values()) {
            assertEquals(s == Signal.PARTIAL_DETACHMENT || s == Signal.DETACHED_SUBJECT, s.coversPart(), s.wireName());
            assertFalse(s.title().isBlank());
            assertTrue(s.description().endsWith("."), s.wireName());
        }
        assertTrue(Signal.LIFECYCLE_END.hasCallSite());
        assertFalse(Signal.SCOPE_END.hasCallSite());
    }
}
