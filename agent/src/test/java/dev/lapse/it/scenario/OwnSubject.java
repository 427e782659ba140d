package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A registration that keeps nothing alive: a JVM-wide context (held by a static field of its class, as a logging
 * context is) listens to its own configuration, which only its field holds; stopped, it stays alive through its
 * holder, not through the configuration. A service that listens to its configuration, held elsewhere too, and is
 * stopped while the configuration lives on, is a lapsed listener.
 */
public final class OwnSubject {
    static final List<Configuration> CONFIGURATIONS = new ArrayList<>();

    private OwnSubject() {}

    /** The configuration: listeners to its changes. */
    public static final class Configuration {
        private final List<ChangeListener> listeners = new ArrayList<>();

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }
    }

    /** JVM-wide, created at first use, listening to its own configuration. */
    public static final class Context {
        static final Context INSTANCE = new Context();
        private final Configuration configuration = new Configuration();

        private Context() {
            configuration.addChangeListener(this::reconfigure);
        }

        void reconfigure(String what) {}

        public void stop() {}
    }

    /** Listens to a configuration others hold too. */
    public static final class Service {
        private final Configuration configuration;

        Service(Configuration configuration) {
            this.configuration = configuration;
            configuration.addChangeListener(this::reconfigure);
        }

        void reconfigure(String what) {}

        public void stop() {}
    }

    public static void main(String[] args) {
        Context.INSTANCE.stop();
        Configuration shared = new Configuration();
        CONFIGURATIONS.add(shared);
        new Service(shared).stop();
    }
}
