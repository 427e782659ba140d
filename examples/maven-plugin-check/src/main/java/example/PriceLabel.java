package example;

/** Shows whether a symbol went up; stops listening when disposed. */
public final class PriceLabel {
    private final PriceFeed feed;
    private final PriceListener listener = this::priceChanged;
    private long last = -1;
    private boolean up;

    public PriceLabel(PriceFeed feed) {
        this.feed = feed;
        feed.addPriceListener(listener);
    }

    private void priceChanged(String symbol, long cents) {
        up = last >= 0 && cents > last;
        last = cents;
    }

    public boolean up() {
        return up;
    }

    public void dispose() {
        feed.removePriceListener(listener);
    }
}
