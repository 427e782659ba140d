package dev.lapse.demo.orders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every order draft, kept for the life of the application so a user can come back to it. */
public final class DraftStore {
    private final List<OrderDraft> drafts = new CopyOnWriteArrayList<>();

    /** A new draft for {@code customer}, kept in the store. */
    public OrderDraft open(String customer) {
        OrderDraft draft = new OrderDraft(customer);
        drafts.add(draft);
        return draft;
    }

    /** Listeners on all drafts together. */
    public int listenerCount() {
        int n = 0;
        for (OrderDraft d : drafts) {
            n += d.listenerCount();
        }
        return n;
    }
}
