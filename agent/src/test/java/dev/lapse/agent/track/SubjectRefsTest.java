package dev.lapse.agent.track;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One weak reference per subject, shared; nothing kept alive; collected subjects' places reused or dropped. */
class SubjectRefsTest {
    private final SubjectRefs refs = new SubjectRefs();

    @Test
    void a_subject_has_one_reference_and_two_subjects_two() {
        Object a = new Object();
        Object b = new Object();
        WeakReference<Object> ra = refs.of(a);
        assertSame(a, ra.get());
        assertSame(ra, refs.of(a), "shared by the subject's registrations");
        assertNotSame(ra, refs.of(b));
        assertSame(b, refs.of(b).get());
    }

    @Test
    void subjects_beyond_the_first_table_are_all_found_after_it_grows() {
        List<Object> subjects = new ArrayList<>();
        List<WeakReference<Object>> first = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Object s = new Object();
            subjects.add(s);
            first.add(refs.of(s));
        }
        for (int i = 0; i < subjects.size(); i++) {
            assertSame(first.get(i), refs.of(subjects.get(i)), "subject " + i + " after the table grew");
        }
    }

    @Test
    void the_table_keeps_no_subject_alive_and_a_collected_ones_place_serves_others() throws InterruptedException {
        WeakReference<Object> gone = registerAndDrop();
        TrackerFixture.collectUntil(TrackerFixture.collected(gone));
        assertNull(gone.get(), "the table kept the subject");
        // the collected subjects' cleared references are reused or dropped as the table grows: every live one is found
        List<Object> live = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Object s = new Object();
            live.add(s);
            assertSame(s, refs.of(s).get());
        }
        for (Object s : live) {
            assertSame(s, refs.of(s).get());
        }
    }

    private WeakReference<Object> registerAndDrop() {
        Object subject = new Object();
        for (int i = 0; i < 1_000; i++) {
            refs.of(new Object());
        }
        refs.of(subject);
        return new WeakReference<>(subject);
    }
}
