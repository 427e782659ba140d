package dev.lapse.it.scenario;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;

/**
 * Listeners that captured several application objects. A lambda wired by a helper holds a long-lived service and a
 * panel, and the panel ends: the panel is the owner kept alive. A binder's lambda holds the binder and the registry it
 * was bound to, and the registry closes: the binder, which has no end of its own, ends with it. Beside them, what must
 * stay quiet: a lambda that captured only the service (its panel ended, and is not what the lambda keeps), the same
 * wiring removed at the panel's end, a binder whose registry stays open, and a binder closed before its registry.
 */
public final class CandidateOwners {
    static final PropertyChangeSupport MODEL = new PropertyChangeSupport(new Object());
    static final PropertyChangeSupport GC_EVENTS = new PropertyChangeSupport(new Object());
    static final Service SERVICE = new Service();
    static final MetricsRegistry OPEN_REGISTRY = new MetricsRegistry();

    private CandidateOwners() {}

    /** Lives as long as the JVM; refreshes what it is given. */
    static final class Service {
        int refreshed;

        void refresh(Object what) {
            refreshed += what == null ? 0 : 1;
        }
    }

    /** Wires a panel to the model through the service, in a helper that is neither of them. */
    static final class Wiring {
        static PropertyChangeListener wire(Service service, Object panel) {
            PropertyChangeListener l = e -> service.refresh(panel);
            MODEL.addPropertyChangeListener(l);
            return l;
        }
    }

    /** Ends while the service lives on; the wired lambda keeps it. */
    static final class StatusPanel {
        StatusPanel() {
            Wiring.wire(SERVICE, this);
        }

        void dispose() {}
    }

    /** The same wiring, taken off at the panel's end. */
    static final class StatusPanelFixed {
        private final PropertyChangeListener listener;

        StatusPanelFixed() {
            listener = Wiring.wire(SERVICE, this);
        }

        void dispose() {
            MODEL.removePropertyChangeListener(listener);
        }
    }

    /** Its lambda captures the long-lived service only, not the panel: the panel's end leaves nothing of it behind. */
    static final class ServicePanel {
        ServicePanel() {
            Service service = SERVICE;
            MODEL.addPropertyChangeListener(e -> service.refresh(e));
        }

        void dispose() {}
    }

    /** What binders are bound to; closed when the application that made it is undeployed. */
    static final class MetricsRegistry {
        int recorded;

        void record(Object event) {
            recorded += event == null ? 0 : 1;
        }

        void close() {}
    }

    /** Binds to a registry; has no end of its own, like Micrometer's binders before they became closeable. */
    static final class GcBinder {
        private int events;

        void bindTo(MetricsRegistry registry) {
            GC_EVENTS.addPropertyChangeListener(e -> {
                events++;
                registry.record(e);
            });
        }
    }

    /** A closeable binder, closed before its registry. */
    static final class GcBinderFixed implements AutoCloseable {
        private PropertyChangeListener listener;

        void bindTo(MetricsRegistry registry) {
            listener = e -> registry.record(this);
            GC_EVENTS.addPropertyChangeListener(listener);
        }

        @Override
        public void close() {
            GC_EVENTS.removePropertyChangeListener(listener);
        }
    }

    public static void main(String[] args) {
        new StatusPanel().dispose();
        new StatusPanelFixed().dispose();
        new ServicePanel().dispose();

        MetricsRegistry registry = new MetricsRegistry();
        new GcBinder().bindTo(registry);
        registry.close();

        new GcBinder().bindTo(OPEN_REGISTRY);

        MetricsRegistry fixedRegistry = new MetricsRegistry();
        GcBinderFixed fixed = new GcBinderFixed();
        fixed.bindTo(fixedRegistry);
        fixed.close();
        fixedRegistry.close();
        System.out.println("candidates done");
    }
}
