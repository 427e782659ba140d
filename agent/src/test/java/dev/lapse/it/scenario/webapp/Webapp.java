package dev.lapse.it.scenario.webapp;

import dev.lapse.it.scenario.Redeploy;
import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application {@link Redeploy} deploys in a class loader of its own. It leaves nothing registered on the
 * container when it is undeployed; while deployed, a disposed panel stays on the container's bus and a weak
 * wrapper's delegate is lost.
 */
public final class Webapp implements Redeploy.Deployment {
    private Model bus;
    private Redeploy.Container container;
    private View view;
    private Panel panel;
    private WeakRelay relay;

    @Override
    public void deploy(Model bus, Redeploy.Container container) {
        this.bus = bus;
        this.container = container;
        view = new View(bus);
        container.plug(new Feed());
        panel = new Panel(bus);
        panel.dispose(); // and forgets its listener, until the undeploy takes it off
        relay = new WeakRelay(view::relayed); // nothing else holds the method reference: lost at the next collection
        bus.addChangeListener(relay);
    }

    @Override
    public void undeploy() {
        view.unbind();
        container.unplug();
        bus.removeChangeListener(panel.listener);
        bus.removeChangeListener(relay);
    }

    /** Registers on the bus it holds, from its own code: a bound method reference, an inner class and a lambda. */
    static final class View {
        private final Model bus;
        private final ChangeListener onChange = this::changed;
        private final ChangeListener inner = new ChangeListener() {
            @Override
            public void changed(String what) {
                seen++;
            }
        };
        private final ChangeListener lambda = what -> last = what;
        int seen;
        String last;

        View(Model bus) {
            this.bus = bus;
            bus.addChangeListener(onChange);
            bus.addChangeListener(inner);
            bus.addChangeListener(lambda);
        }

        void changed(String what) {
            last = what;
        }

        void relayed(String what) {
            last = what;
        }

        /** Takes its listeners off one at a time: the first removal leaves two behind. */
        void unbind() {
            bus.removeChangeListener(onChange);
            bus.removeChangeListener(inner);
            bus.removeChangeListener(lambda);
        }
    }

    /** An application subject the container listens to. */
    static final class Feed implements Redeploy.Source {
        private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        @Override
        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }
    }

    /** Ends its life and leaves its listener on the bus. */
    static final class Panel {
        final ChangeListener listener = what -> shown = what;
        String shown;

        Panel(Model bus) {
            bus.addChangeListener(listener);
        }

        void dispose() {}
    }

    /** The application's own reference class, as some weak-listener libraries have. */
    static final class Ref<T> extends WeakReference<T> {
        Ref(T referent) {
            super(referent);
        }
    }

    /** A weak wrapper: holds its delegate only through a {@link Ref}. */
    static final class WeakRelay implements ChangeListener {
        private final Ref<ChangeListener> delegate;

        WeakRelay(ChangeListener delegate) {
            this.delegate = new Ref<>(delegate);
        }

        @Override
        public void changed(String what) {
            ChangeListener d = delegate.get();
            if (d != null) {
                d.changed(what);
            }
        }
    }
}
