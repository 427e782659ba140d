package dev.lapse.it.scenario;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The smallest leak: an anonymous listener of a disposed view stays registered on a static model. */
public final class QuickLeak {
    public interface ChangeListener {
        void changed(String what);
    }

    public static final class Model {
        private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }
    }

    static final Model MODEL = new Model();

    static final class View {
        String last;

        View() {
            MODEL.addChangeListener(new ChangeListener() {
                @Override
                public void changed(String what) {
                    last = what;
                }
            });
        }

        void dispose() {
            // the bug: no removeChangeListener
        }
    }

    public static void main(String[] args) {
        new View().dispose();
    }
}
