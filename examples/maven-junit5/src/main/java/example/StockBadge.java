package example;

/** Shows one item's stock; stops listening when closed. */
public final class StockBadge implements AutoCloseable {
    private final Inventory inventory;
    private final String item;
    private final StockListener listener = this::changed;
    private int shown;

    public StockBadge(Inventory inventory, String item) {
        this.inventory = inventory;
        this.item = item;
        inventory.addStockListener(listener);
    }

    private void changed(String changedItem, int count) {
        if (changedItem.equals(item)) {
            shown = count;
        }
    }

    public int shown() {
        return shown;
    }

    @Override
    public void close() {
        inventory.removeStockListener(listener);
    }
}
