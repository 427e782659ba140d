package dev.lapse.agent.confirm;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lapse.agent.track.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listener storage a scope end's walk from the roots avoids is found again from the chain the walk from the
 * subject yielded: by field name (a field a subclass hides told apart by its value's class) and array index.
 */
class RegistrationHoldTest {
    /** A listener store of the application's own: an array behind an entry object. */
    static final class Store {
        Object[] entries = new Object[4];
    }

    static class Base {
        Object store = "a field of the same name the subclass hides";
    }

    static final class Subject extends Base {
        final Store store = new Store();
    }

    @Test
    void the_storage_is_the_object_the_chains_last_hop_leaves() {
        Subject subject = new Subject();
        Object other = new Object();
        Object listener = new Object();
        subject.store.entries[0] = other;
        subject.store.entries[1] = listener;
        List<Step> path = ReferenceWalker.pathTo(subject, listener, new ReferenceWalker.Budget(1_000, Long.MAX_VALUE));
        assertNotNull(path);

        assertSame(subject.store.entries, RegistrationHold.storageOf(subject, path, listener));
    }

    @Test
    void a_chain_that_no_longer_leads_to_the_listener_has_no_storage() {
        Subject subject = new Subject();
        Object listener = new Object();
        subject.store.entries[1] = listener;
        List<Step> path = ReferenceWalker.pathTo(subject, listener, new ReferenceWalker.Budget(1_000, Long.MAX_VALUE));
        assertNotNull(path);
        subject.store.entries[1] = null;
        subject.store.entries[2] = listener; // moved since the walk

        assertNull(RegistrationHold.storageOf(subject, path, listener));
    }
}
