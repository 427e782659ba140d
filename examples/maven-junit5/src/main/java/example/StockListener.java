package example;

import java.util.EventListener;

/** Told when the stock of an item changes. */
public interface StockListener extends EventListener {
    void stockChanged(String item, int count);
}
