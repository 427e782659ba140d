package dev.lapse.demo.orders;

/** Told when an order draft changes. */
@FunctionalInterface
public interface DraftListener {
    void changed(OrderDraft draft);
}
