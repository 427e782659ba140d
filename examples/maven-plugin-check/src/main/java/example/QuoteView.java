package example;

/** Shows the last price of a symbol. Its dispose() forgets to stop listening: the bug this example shows. */
public final class QuoteView {
    private final String symbol;
    private long shown;

    public QuoteView(PriceFeed feed, String symbol) {
        this.symbol = symbol;
        feed.addPriceListener(this::priceChanged);
    }

    private void priceChanged(String changed, long cents) {
        if (changed.equals(symbol)) {
            shown = cents;
        }
    }

    public long shown() {
        return shown;
    }

    public void dispose() {
        shown = 0; // the listener stays on the feed, and keeps this view alive with it
    }
}
