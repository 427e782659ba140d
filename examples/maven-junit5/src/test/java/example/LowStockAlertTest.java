package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LowStockAlertTest {
    @Test
    void alerts_when_an_item_runs_low() {
        try (LowStockAlert alert = new LowStockAlert(Inventory.SHARED, 5)) {
            Inventory.SHARED.setStock("washers", 2);
            assertEquals(List.of("washers"), alert.alerts());
        }
    }
}
