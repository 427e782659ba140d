package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removals that matched their registration and returned, verified at the check: two subjects keep the listener in a
 * second structure (a copy made at start; an inner manager the add wrapped it for, the shape of Curator's
 * {@code SharedCount}), and three removals that did what they said or keep nothing alive.
 */
public final class SecondStructure {
    static final StartedBus BUS = new StartedBus();
    static final Outer OUTER = new Outer();
    static final Model MODEL = new Model();
    static final List<Object> LIVE = new ArrayList<>();

    private SecondStructure() {}

    /** Copies its listeners when it starts, and removes only from the list it was given. */
    public static final class StartedBus {
        private final List<ChangeListener> listeners = new ArrayList<>();
        private List<ChangeListener> started = List.of();

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }

        void start() {
            started = new ArrayList<>(listeners);
        }
    }

    /** Wraps each listener for an inner model; its remove forgets the wrapper and leaves it on the inner model. */
    public static final class Outer {
        private final Model inner = new Model();
        private final Map<ChangeListener, Wrapper> wrappers = new IdentityHashMap<>();

        public void addChangeListener(ChangeListener l) {
            Wrapper w = new Wrapper(l);
            wrappers.put(l, w);
            inner.addChangeListener(w);
        }

        public void removeChangeListener(ChangeListener l) {
            wrappers.remove(l); // and not inner.removeChangeListener(w)
        }
    }

    static final class Wrapper implements ChangeListener {
        private final ChangeListener delegate;

        Wrapper(ChangeListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void changed(String what) {
            delegate.changed(what);
        }
    }

    /** Registers on the started bus and removes its listener when closed: the bus's copy keeps it. */
    static final class View {
        private final ChangeListener listener = this::changed;

        View() {
            BUS.addChangeListener(listener);
        }

        void changed(String what) {}

        void close() {
            BUS.removeChangeListener(listener);
        }
    }

    /** Registers on the outer manager and removes its listener when closed: the inner model keeps the wrapper. */
    static final class Panel {
        private final ChangeListener listener = new ChangeListener() {
            @Override
            public void changed(String what) {}
        };

        Panel() {
            OUTER.addChangeListener(listener);
        }

        void close() {
            OUTER.removeChangeListener(listener);
        }
    }

    /** Removes its listener from a model that really lets go of it. */
    static final class Tidy {
        private final ChangeListener listener = this::changed;

        Tidy() {
            MODEL.addChangeListener(listener);
        }

        void changed(String what) {}

        void close() {
            MODEL.removeChangeListener(listener);
        }
    }

    /**
     * Still in use, holds its own started bus, which nothing else holds, and takes its listener off (not at its end):
     * the bus's stale copy keeps nothing alive but what the application keeps anyway.
     */
    static final class OwnBus {
        private final StartedBus bus = new StartedBus();
        private final ChangeListener listener = this::changed;

        OwnBus() {
            bus.addChangeListener(listener);
            bus.start();
        }

        void changed(String what) {}

        void mute() {
            bus.removeChangeListener(listener);
        }
    }

    /** Takes its listener off and puts it back: the subject holds it for the new registration. */
    static final class Rebinds {
        private final ChangeListener listener = this::changed;

        Rebinds() {
            MODEL.addChangeListener(listener);
        }

        void changed(String what) {}

        void rebind() {
            MODEL.removeChangeListener(listener);
            MODEL.addChangeListener(listener);
        }
    }

    public static void main(String[] args) {
        View view = new View();
        BUS.start();
        view.close();
        new Panel().close();
        new Tidy().close();
        OwnBus own = new OwnBus();
        own.mute();
        LIVE.add(own);
        Rebinds rebinds = new Rebinds();
        rebinds.rebind();
        LIVE.add(rebinds);
    }
}
