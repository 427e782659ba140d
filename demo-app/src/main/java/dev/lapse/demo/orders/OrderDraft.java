package dev.lapse.demo.orders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An order being put together; kept in the {@link DraftStore} until it is placed. */
public final class OrderDraft {
    private final String customer;
    private final List<DraftListener> listeners = new CopyOnWriteArrayList<>();
    private int items;

    OrderDraft(String customer) {
        this.customer = customer;
    }

    public void addDraftListener(DraftListener listener) {
        listeners.add(listener);
    }

    public void removeDraftListener(DraftListener listener) {
        listeners.remove(listener);
    }

    public String customer() {
        return customer;
    }

    public int items() {
        return items;
    }

    public void addItem() {
        items++;
        for (DraftListener l : listeners) {
            l.changed(this);
        }
    }

    int listenerCount() {
        return listeners.size();
    }
}
