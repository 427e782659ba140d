package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuoteViewTest {
    @Test
    void shows_the_last_price_of_its_symbol() {
        QuoteView view = new QuoteView(PriceFeed.SHARED, "ACME");
        PriceFeed.SHARED.publish("ACME", 1250);
        PriceFeed.SHARED.publish("INIT", 99);
        assertEquals(1250, view.shown());
        view.dispose();
    }
}
