package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Owners that end inside their subject's own teardown, and one that ends on its own. A container that closes destroys
 * its beans, which stay listed (and registered) in the closed container, kept by {@link #CLOSED}: not the beans'
 * leak. A service listens to a host service that stopped before it: not the service's leak either. The host itself,
 * stopped while {@link #MODEL} still holds its listener, and a bean destroyed by the application while its container
 * runs on, are lapsed listeners.
 */
public final class Teardown {
    static final Container CLOSED = new Container();
    static final Container RUNNING = new Container();
    static final Subjects.Model MODEL = new Subjects.Model();

    private Teardown() {}

    /** Lists its beans, which listen to it, and destroys them when it closes. */
    public static final class Container {
        private final List<ChangeListener> listeners = new ArrayList<>();
        private final List<Bean> beans = new ArrayList<>();

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }

        void register(Bean bean) {
            beans.add(bean);
        }

        public void close() {
            for (Bean b : beans) {
                b.destroy(); // and keeps them listed, and registered
            }
        }
    }

    /** Registers on its container; its destroy forgets to remove the listener. */
    public static final class Bean {
        Bean(Container container) {
            container.addChangeListener(this::changed);
            container.register(this);
        }

        void changed(String what) {}

        public void destroy() {}
    }

    /** A service that others listen to, and that may listen to another. */
    public static final class Service {
        private final List<ChangeListener> listeners = new ArrayList<>();

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }

        void listenTo(Service other) {
            other.addChangeListener(this::changed);
        }

        void changed(String what) {}

        public void stop() {}
    }

    public static void main(String[] args) {
        new Bean(CLOSED);
        new Bean(CLOSED);
        CLOSED.close();

        Service host = new Service();
        MODEL.addChangeListener(host::changed);
        Service context = new Service();
        context.listenTo(host);
        host.stop(); // a lapsed listener of MODEL
        context.stop(); // its subject, the host, stopped before it: not the context's leak

        new Bean(RUNNING).destroy(); // destroyed by the application, its container running: a lapsed listener
    }
}
