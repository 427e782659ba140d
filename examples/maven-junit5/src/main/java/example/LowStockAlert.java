package example;

import java.util.ArrayList;
import java.util.List;

/** Collects alerts for items running low. Its close() forgets to stop listening: the bug this example shows. */
public final class LowStockAlert implements AutoCloseable {
    private final List<String> alerts = new ArrayList<>();
    private final int threshold;

    public LowStockAlert(Inventory inventory, int threshold) {
        this.threshold = threshold;
        inventory.addStockListener((item, count) -> {
            if (count < this.threshold) {
                alerts.add(item);
            }
        });
    }

    public List<String> alerts() {
        return alerts;
    }

    @Override
    public void close() {
        alerts.clear(); // the listener stays on the inventory, and keeps this alert alive with it
    }
}
