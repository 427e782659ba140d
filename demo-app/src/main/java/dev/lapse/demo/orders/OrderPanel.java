package dev.lapse.demo.orders;

/**
 * Shows one order draft at a time and follows its changes. Switching to another draft is where the bug is: the
 * panel lets go of the old draft but not of its listener on it, and the store keeps the old draft, which keeps the
 * panel.
 */
public final class OrderPanel implements AutoCloseable {
    private final boolean fixed;
    private final DraftListener onChange = d -> summary = d.customer() + ": " + d.items() + " item(s)";
    private OrderDraft draft;
    private String summary = "";

    public OrderPanel(boolean fixed) {
        this.fixed = fixed;
    }

    public void show(OrderDraft next) {
        if (fixed && draft != null) {
            draft.removeDraftListener(onChange);
        }
        draft = next;
        next.addDraftListener(onChange);
    }

    public String summary() {
        return summary;
    }

    @Override
    public void close() {
        if (draft != null) {
            draft.removeDraftListener(onChange);
            draft = null;
        }
    }
}
