package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lapse.agent.track.Signal;
import org.junit.jupiter.api.Test;

/** The end of life told as the event that happened, from a signal, its method and its reason alone. */
class StoryTest {
    @Test
    void every_signal_has_its_own_words_for_what_happened() {
        assertEquals("View.dispose() returned", Story.ended(Signal.LIFECYCLE_END, "com.acme.View#dispose", null));
        assertEquals("Lapse.expectCollected(\"tab closed\")", Story.ended(Signal.EXPLICIT, null, "tab closed"));
        assertEquals("Lapse.expectCollected()", Story.ended(Signal.EXPLICIT, null, null));
        assertEquals("test ViewTest.opens() ended", Story.ended(Signal.SCOPE_END, null, "test ViewTest.opens()"));
        assertEquals(
                "Model.removeListener() returned",
                Story.ended(Signal.INEFFECTIVE_REMOVAL, "com.acme.Model#removeListener", null));
        assertEquals(
                "not ended: the listener was collected before its registration returned",
                Story.ended(Signal.LOST_LISTENER, null, null));
        assertEquals(
                "not ended: the owner lives on, its listener was collected",
                Story.ended(Signal.LOST_LISTENER, null, "com.acme.Handler"));
        assertEquals(
                "not needed: 30 live, 30 in the last 1s",
                Story.ended(Signal.ACCUMULATION, null, "30 live, 30 in the last 1s"));
        assertEquals(
                "not ended, partly detached: Model.removeListener() returned",
                Story.ended(Signal.PARTIAL_DETACHMENT, "com.acme.Model#removeListener", null));
        assertEquals(
                "not ended: the owner let go of its child, which still holds the owner's listener",
                Story.ended(Signal.DETACHED_SUBJECT, null, "child"));
        assertEquals(
                "not ended: the owner no longer holds the subject among its children, and the subject still holds the"
                        + " owner's listener",
                Story.ended(Signal.DETACHED_SUBJECT, null, "children[]"));
        assertEquals("Panel.close() returned", Story.ended(Signal.DETACHED_SUBJECT, "com.acme.Panel#close", "model"));
    }
}
