package dev.lapse.demo.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records orders while an audit session is open. Its handler is a lambda that uses a field, so the lambda
 * captures {@code this}: the bus holds the lambda, the lambda holds the trail.
 */
public final class AuditTrail implements AutoCloseable {
    private final EventBus bus;
    private final List<String> entries = new ArrayList<>();
    private final Consumer<OrderPlaced> handler;

    public AuditTrail(EventBus bus, boolean fixed) {
        this.bus = bus;
        Consumer<OrderPlaced> h = order -> entries.add(order.customer() + " " + order.amountCents());
        bus.subscribe(OrderPlaced.class, h);
        this.handler = fixed ? h : null;
    }

    public int entries() {
        return entries.size();
    }

    @Override
    public void close() {
        if (handler != null) {
            bus.unsubscribe(OrderPlaced.class, handler);
        }
    }
}
