package dev.lapse.agent.track.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Growth;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.TrackerFixture;
import dev.lapse.agent.track.TrackerFixture.Hostile;
import dev.lapse.fixtures.TrackedSubject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accumulation: the threshold, the window, one subject and one site, and what does not pile up. */
class AccumulationRuleTest {
    private static final int THRESHOLD = 5;
    private static final long WINDOW = 10_000;

    private final TrackerFixture t = new TrackerFixture();
    private final TrackedSubject subject = new TrackedSubject(t.hook());
    private final List<Runnable> keep = new ArrayList<>();

    /** A listener of another class than {@link Hostile}. */
    private static final class Other implements Runnable {
        @Override
        public void run() {}
    }

    /** Registers {@code n} listeners from one line, {@code everyMillis} apart. */
    private void registerFromOneSite(TrackedSubject on, int n, long everyMillis) {
        for (int i = 0; i < n; i++) {
            Hostile l = new Hostile();
            keep.add(l);
            on.addListener(l);
            t.clock.addAndGet(everyMillis);
        }
    }

    @Test
    void one_site_that_keeps_adding_over_the_window_accumulates() {
        registerFromOneSite(subject, 6, 2_000); // at 0, 2, ..., 10 s
        t.clock.addAndGet(3_000); // now 15 s after the first
        List<AccumulationRule.Accumulation> found = t.tracker.accumulations(THRESHOLD, WINDOW);
        assertEquals(1, found.size());
        AccumulationRule.Accumulation a = found.get(0);
        assertSame(subject, a.subject());
        assertEquals(6, a.registrations().size());
        assertSame(keep.get(0), a.registrations().get(0).listener(), "oldest first");
        EndOfLife end = a.end();
        assertEquals(Signal.ACCUMULATION, end.signal());
        assertNull(end.reason(), "the report words it");
        assertEquals(new Growth(6, 10_000, 3, WINDOW), end.growth());
        assertSame(a.registrations().get(5).site(), end.site());
    }

    @Test
    void a_burst_shorter_than_the_window_is_start_up() {
        registerFromOneSite(subject, 8, 1_000);
        assertTrue(t.tracker.accumulations(THRESHOLD, WINDOW).isEmpty());
    }

    @Test
    void fewer_than_the_threshold_is_no_accumulation() {
        registerFromOneSite(subject, 4, 5_000);
        assertTrue(t.tracker.accumulations(THRESHOLD, WINDOW).isEmpty());
    }

    @Test
    void removed_listeners_do_not_count() {
        registerFromOneSite(subject, 6, 2_000);
        subject.removeListener(keep.get(0));
        subject.removeListener(keep.get(1));
        assertTrue(t.tracker.accumulations(THRESHOLD, WINDOW).isEmpty());
    }

    @Test
    void two_sites_on_one_subject_are_counted_apart() {
        for (int i = 0; i < 3; i++) {
            Hostile a = new Hostile();
            keep.add(a);
            subject.addListener(a);
            Runnable b = new Other();
            keep.add(b);
            subject.addListener(b); // another class, so another cached site
            t.clock.addAndGet(6_000);
        }
        assertTrue(t.tracker.accumulations(THRESHOLD, WINDOW).isEmpty());
    }

    @Test
    void one_site_on_two_subjects_is_counted_apart() {
        TrackedSubject other = new TrackedSubject(t.hook());
        for (int i = 0; i < 3; i++) {
            registerFromOneSite(subject, 1, 3_000);
            registerFromOneSite(other, 1, 3_000);
        }
        assertTrue(t.tracker.accumulations(THRESHOLD, WINDOW).isEmpty());
    }
}
