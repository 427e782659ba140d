package dev.lapse.demo.bus;

import java.util.function.Consumer;

/**
 * Sends order confirmations. Subscribes with a bound method reference; the leaky version unsubscribes with a
 * second {@code this::onOrder}, which is a different object and removes nothing.
 */
public final class Mailer {
    private final EventBus bus;
    private final boolean fixed;
    /** The fix: the one handler instance, subscribed and unsubscribed. */
    private final Consumer<OrderPlaced> onOrder = this::onOrder;

    private int sent;

    public Mailer(EventBus bus, boolean fixed) {
        this.bus = bus;
        this.fixed = fixed;
        if (fixed) {
            bus.subscribe(OrderPlaced.class, onOrder);
        } else {
            bus.subscribe(OrderPlaced.class, this::onOrder);
        }
    }

    public int sent() {
        return sent;
    }

    private void onOrder(OrderPlaced order) {
        sent++;
    }

    public void shutdown() {
        bus.unsubscribe(OrderPlaced.class, fixed ? onOrder : this::onOrder);
    }
}
