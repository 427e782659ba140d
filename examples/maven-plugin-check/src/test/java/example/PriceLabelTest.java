package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PriceLabelTest {
    @Test
    void says_when_the_price_went_up() {
        PriceLabel label = new PriceLabel(PriceFeed.SHARED);
        PriceFeed.SHARED.publish("ACME", 1000);
        PriceFeed.SHARED.publish("ACME", 1100);
        assertTrue(label.up());
        label.dispose();
    }
}
