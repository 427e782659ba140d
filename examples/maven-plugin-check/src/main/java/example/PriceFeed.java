package example;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Prices as they come in, one feed for the whole application: whatever subscribes lives as long as it does. */
public final class PriceFeed {
    public static final PriceFeed SHARED = new PriceFeed();

    private final List<PriceListener> listeners = new CopyOnWriteArrayList<>();

    public void addPriceListener(PriceListener listener) {
        listeners.add(listener);
    }

    public void removePriceListener(PriceListener listener) {
        listeners.remove(listener);
    }

    public void publish(String symbol, long cents) {
        for (PriceListener l : listeners) {
            l.priceChanged(symbol, cents);
        }
    }
}
