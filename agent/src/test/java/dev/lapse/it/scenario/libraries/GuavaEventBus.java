package dev.lapse.it.scenario.libraries;

import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;

/**
 * Guava's {@code EventBus} as published: {@code register(Object)} and {@code unregister(Object)}. A panel closed
 * without unregistering leaks; one that unregisters does not; an audit log that lives as long as the bus is no
 * leak either.
 */
public final class GuavaEventBus {
    static final EventBus BUS = new EventBus("orders");

    private GuavaEventBus() {}

    /** Registers itself and forgets to unregister when closed. */
    public static final class LeakyPanel {
        LeakyPanel() {
            BUS.register(this);
        }

        @Subscribe
        public void onOrder(String order) {}

        public void close() {}
    }

    /** Unregisters when closed. */
    public static final class TidyPanel {
        TidyPanel() {
            BUS.register(this);
        }

        @Subscribe
        public void onOrder(String order) {}

        public void close() {
            BUS.unregister(this);
        }
    }

    /** Listens for the life of the bus, with no end of its own. */
    public static final class AuditLog {
        int seen;

        AuditLog() {
            BUS.register(this);
        }

        @Subscribe
        public void onOrder(String order) {
            seen++;
        }
    }

    public static void main(String[] args) {
        new LeakyPanel().close();
        new TidyPanel().close();
        new AuditLog();
        BUS.post("order-1");
    }
}
