package dev.lapse.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The subjects an add returning its handle registered on inside its own call, as the hook keeps them for the sink:
 * in the order those calls began (a call returns after the ones it made), once each, no more than eight, and
 * forgotten when the outermost call is over. No sink is installed: the hook keeps them all the same.
 */
class LapseHookTest {
    private static final Object LISTENER = new Object();

    @Test
    void inner_subjects_are_kept_in_the_order_their_calls_began_and_forgotten_when_the_outer_call_returns() {
        Object operator = new Object();
        Object source = new Object();
        Object trigger = new Object();
        LapseHook.Calls outer = LapseHook.enterHandle();
        LapseHook.Calls first = LapseHook.enter(); // subscribes to the operator...
        LapseHook.Calls deeper = LapseHook.enter(); // ...which subscribes to the source inside
        LapseHook.added(null, deeper, 1, source, null, LISTENER);
        LapseHook.added(null, first, 1, operator, null, LISTENER);
        LapseHook.Calls last = LapseHook.enter(); // then the trigger, begun last
        LapseHook.added(null, last, 1, trigger, null, LISTENER);
        LapseHook.Calls again = LapseHook.enter();
        LapseHook.added(null, again, 1, operator, null, LISTENER); // kept once

        assertArrayEquals(new Object[] {operator, source, trigger}, Arrays.copyOf(outer.inner, outer.innerCount));

        LapseHook.added(null, outer, 1, new Object(), null, LISTENER);
        assertEquals(0, outer.innerCount);
        assertNull(outer.inner[0]);
    }

    @Test
    void a_full_list_lets_the_earliest_go() {
        Object[] subjects = new Object[LapseHook.INNER + 2];
        LapseHook.Calls outer = LapseHook.enterHandle();
        for (int i = 0; i < subjects.length; i++) {
            subjects[i] = new Object();
            LapseHook.Calls nested = LapseHook.enter();
            LapseHook.added(null, nested, 1, subjects[i], null, LISTENER);
        }
        assertArrayEquals(
                Arrays.copyOfRange(subjects, 2, subjects.length), Arrays.copyOf(outer.inner, outer.innerCount));
        LapseHook.unwind(outer);
        assertEquals(0, outer.innerCount);
    }

    @Test
    void an_outer_call_without_a_handle_keeps_nothing() {
        LapseHook.Calls outer = LapseHook.enter();
        LapseHook.Calls nested = LapseHook.enter();
        LapseHook.added(null, nested, 1, new Object(), null, LISTENER);
        assertEquals(0, outer.innerCount);
        LapseHook.removed(outer, 1, new Object(), null, LISTENER);
    }
}
