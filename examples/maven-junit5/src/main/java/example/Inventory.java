package example;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The application's stock, one for the whole application: whatever listens to it lives as long as it does. */
public final class Inventory {
    public static final Inventory SHARED = new Inventory();

    private final List<StockListener> listeners = new CopyOnWriteArrayList<>();

    public void addStockListener(StockListener listener) {
        listeners.add(listener);
    }

    public void removeStockListener(StockListener listener) {
        listeners.remove(listener);
    }

    public void setStock(String item, int count) {
        for (StockListener l : listeners) {
            l.stockChanged(item, count);
        }
    }
}
