package dev.lapse.it.scenario;

import java.beans.EventHandler;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Listeners that captured nothing of the application and keep the object whose code registered them through fields
 * of their own: a {@code java.beans.EventHandler} proxy whose target is the panel, registered from the panel's
 * constructor after {@code super(new ...)}, and a named listener class given the panel in its constructor. Both
 * panels are disposed without removing them. Beside them, what must stay quiet: the proxy removed at the panel's end,
 * a named listener that holds nothing of the panel that registered it, and a panel whose registration threw before
 * it reached the add method (its subject was {@code null}) and which must be collectable afterwards.
 */
public final class RegisteringObjects {
    static final PropertyChangeSupport MODEL = new PropertyChangeSupport(new Object());

    private RegisteringObjects() {}

    /** What every panel is made with. */
    public static class Panel {
        final List<Object> settings;

        protected Panel(List<Object> settings) {
            this.settings = settings;
        }
    }

    /** Registers a proxy that calls its {@code refresh()}; forgets it at its end. */
    public static final class EditorPanel extends Panel {
        public int refreshed;

        public EditorPanel() {
            super(new ArrayList<>());
            MODEL.addPropertyChangeListener(EventHandler.create(PropertyChangeListener.class, this, "refresh"));
        }

        public void refresh() {
            refreshed++;
        }

        public void dispose() {}
    }

    /** The same proxy, removed at its end. */
    public static final class EditorPanelFixed extends Panel {
        private final PropertyChangeListener listener;
        public int refreshed;

        public EditorPanelFixed() {
            super(new ArrayList<>());
            listener = EventHandler.create(PropertyChangeListener.class, this, "refresh");
            MODEL.addPropertyChangeListener(listener);
        }

        public void refresh() {
            refreshed++;
        }

        public void dispose() {
            MODEL.removePropertyChangeListener(listener);
        }
    }

    /** A listener class of its own that refreshes the panel it was given. */
    static final class Refresher implements PropertyChangeListener {
        private final ToolPanel panel;

        Refresher(ToolPanel panel) {
            this.panel = panel;
        }

        @Override
        public void propertyChange(PropertyChangeEvent e) {
            panel.refreshed++;
        }
    }

    /** Registers a {@link Refresher} of itself when opened; forgets it at its end. */
    static final class ToolPanel {
        int refreshed;

        void open() {
            MODEL.addPropertyChangeListener(new Refresher(this));
        }

        void dispose() {}
    }

    /** Counts events into a log it does not share with the panel that registered it. */
    static final class EventLog implements PropertyChangeListener {
        private final StringBuilder log = new StringBuilder();

        @Override
        public void propertyChange(PropertyChangeEvent e) {
            log.append(e.getPropertyName());
        }
    }

    /** Registers an event log that holds nothing of it: its end leaves nothing of it behind. */
    static final class LogPanel {
        void open() {
            MODEL.addPropertyChangeListener(new EventLog());
        }

        void dispose() {}
    }

    /** Its registration throws before the add method runs: its subject is not there. */
    static final class BrokenPanel {
        private final PropertyChangeSupport missing = null;

        boolean open() {
            try {
                missing.addPropertyChangeListener(new EventLog());
                return true;
            } catch (NullPointerException expected) {
                return false;
            }
        }

        void dispose() {}
    }

    public static void main(String[] args) {
        new EditorPanel().dispose();
        new EditorPanelFixed().dispose();
        ToolPanel tool = new ToolPanel();
        tool.open();
        tool.dispose();
        LogPanel log = new LogPanel();
        log.open();
        log.dispose();

        BrokenPanel broken = new BrokenPanel();
        boolean opened = broken.open();
        broken.dispose();
        WeakReference<BrokenPanel> brokenRef = new WeakReference<>(broken);
        broken = null;
        for (int i = 0; i < 10 && brokenRef.get() != null; i++) {
            System.gc();
        }
        System.out.println(
                "registering objects done, broken opened " + opened + ", collected " + (brokenRef.get() == null));
    }
}
