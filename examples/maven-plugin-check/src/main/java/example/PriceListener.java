package example;

import java.util.EventListener;

/** Told when a price changes. */
public interface PriceListener extends EventListener {
    void priceChanged(String symbol, long cents);
}
