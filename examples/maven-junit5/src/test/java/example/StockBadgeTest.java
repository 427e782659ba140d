package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StockBadgeTest {
    @Test
    void shows_the_stock_of_its_item() {
        try (StockBadge badge = new StockBadge(Inventory.SHARED, "bolts")) {
            Inventory.SHARED.setStock("bolts", 12);
            Inventory.SHARED.setStock("nuts", 3);
            assertEquals(12, badge.shown());
        }
    }
}
