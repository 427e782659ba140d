package dev.lapse.it.scenario;

import java.awt.AWTEvent;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.beans.VetoableChangeListener;
import java.beans.VetoableChangeSupport;
import java.util.EventListener;
import java.util.HashMap;
import java.util.Map;
import java.util.Observable;
import java.util.Observer;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.PreferenceChangeListener;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.UIManager;
import javax.swing.event.EventListenerList;

/** One disposed owner per JDK registration API, each on its own long-lived subject (headless). */
@SuppressWarnings("deprecation") // Observable: deprecated, and still everywhere
public final class JdkApis {
    static final PropertyChangeSupport PCS = new PropertyChangeSupport(new Object());
    static final PropertyChangeSupport NAMED_PCS = new PropertyChangeSupport(new Object());
    static final VetoableChangeSupport VCS = new VetoableChangeSupport(new Object());
    static final Observable OBSERVABLE = new Observable();
    static final MemoryPreferences PREFS = new MemoryPreferences();
    static final JButton BUTTON = new JButton("ok");
    static final JPanel PANEL = new JPanel();
    static final Registry REGISTRY = new Registry();
    static final EventListenerList RAW_LIST = new EventListenerList();

    private JdkApis() {}

    public interface RegistryListener extends EventListener {
        void entry(String name);
    }

    /** An application class that keeps its listeners in an EventListenerList: one registration, its own. */
    public static final class Registry {
        private final EventListenerList listeners = new EventListenerList();

        public void addRegistryListener(RegistryListener l) {
            listeners.add(RegistryListener.class, l);
        }

        public void removeRegistryListener(RegistryListener l) {
            listeners.remove(RegistryListener.class, l);
        }
    }

    /** In-memory preferences: the JDK's listener machinery without touching the file system. */
    static final class MemoryPreferences extends AbstractPreferences {
        private final Map<String, String> values = new HashMap<>();

        MemoryPreferences() {
            super(null, "");
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {}

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(new String[0]);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return new String[0];
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void syncSpi() {}

        @Override
        protected void flushSpi() {}
    }

    static final class PcsView {
        private Object last;
        private final PropertyChangeListener listener = e -> last = e.getNewValue();

        PcsView() {
            PCS.addPropertyChangeListener(listener);
        }

        void dispose() {}
    }

    static final class NamedPcsView {
        private Object last;

        NamedPcsView() {
            NAMED_PCS.addPropertyChangeListener("title", e -> last = e.getNewValue());
        }

        void dispose() {}
    }

    static final class VetoView {
        private int asked;

        VetoView() {
            VCS.addVetoableChangeListener(new VetoableChangeListener() {
                @Override
                public void vetoableChange(java.beans.PropertyChangeEvent e) {
                    asked++;
                }
            });
        }

        void dispose() {}
    }

    static final class ObserverView implements Observer {
        ObserverView() {
            OBSERVABLE.addObserver(this);
        }

        @Override
        public void update(Observable o, Object arg) {}

        void dispose() {}
    }

    static final class PrefsView {
        private String last;

        PrefsView() {
            PreferenceChangeListener l = e -> last = e.getNewValue();
            PREFS.addPreferenceChangeListener(l);
        }

        void dispose() {}
    }

    static final class ButtonView {
        private int clicks;

        ButtonView() {
            BUTTON.addActionListener(e -> clicks++);
        }

        void dispose() {}
    }

    static final class PanelView {
        private Object last;

        PanelView() {
            PANEL.addPropertyChangeListener(e -> last = e.getNewValue());
        }

        void dispose() {}
    }

    static final class RegistryView implements RegistryListener {
        RegistryView() {
            REGISTRY.addRegistryListener(this);
        }

        @Override
        public void entry(String name) {}

        void dispose() {}
    }

    static final class RawListView implements RegistryListener {
        RawListView() {
            RAW_LIST.add(RegistryListener.class, this);
        }

        @Override
        public void entry(String name) {}

        void dispose() {}
    }

    static final class ThemeView {
        private Object lookAndFeel;

        ThemeView() {
            UIManager.addPropertyChangeListener(e -> lookAndFeel = e.getNewValue());
        }

        void dispose() {}
    }

    static final class InputSpy {
        private int events;

        InputSpy() {
            AWTEventListener l = e -> events++;
            Toolkit.getDefaultToolkit().addAWTEventListener(l, AWTEvent.KEY_EVENT_MASK);
        }

        void dispose() {}
    }

    public static void main(String[] args) {
        new PcsView().dispose();
        new NamedPcsView().dispose();
        new VetoView().dispose();
        new ObserverView().dispose();
        new PrefsView().dispose();
        new ButtonView().dispose();
        new PanelView().dispose();
        new RegistryView().dispose();
        new RawListView().dispose();
        new ThemeView().dispose();
        new InputSpy().dispose();
        System.out.println("listeners on the button: " + BUTTON.getActionListeners().length);
    }
}
