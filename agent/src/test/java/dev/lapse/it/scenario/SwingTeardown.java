package dev.lapse.it.scenario;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeSupport;
import javax.swing.JPanel;

/**
 * Swing's teardown: a row panel that unregisters from the model in its own {@code removeNotify()}, and one that forgets
 * to. Taken out of a displayed form (headless, the form made displayable by hand), the forgetful row is left on the
 * long-lived model; a row moved to another place in the form (removed and added back, so displayable again) and the
 * tidy row are not.
 */
public final class SwingTeardown {
    static final PropertyChangeSupport MODEL = new PropertyChangeSupport(new Object());
    static final JPanel FORM = new JPanel();

    private SwingTeardown() {}

    /** Shows the model's value; its removeNotify() forgets the model. */
    static class RowPanel extends JPanel {
        int shown;

        RowPanel() {
            MODEL.addPropertyChangeListener(this::show);
        }

        void show(PropertyChangeEvent e) {
            shown++;
        }

        @Override
        public void removeNotify() {
            super.removeNotify();
        }
    }

    /** The same row, moved within the form: removed, then added back. */
    static final class MovedRowPanel extends RowPanel {}

    /** Unregisters where Swing code does. */
    static final class TidyRowPanel extends JPanel {
        private final java.beans.PropertyChangeListener listener = e -> {};

        TidyRowPanel() {
            MODEL.addPropertyChangeListener(listener);
        }

        @Override
        public void removeNotify() {
            MODEL.removePropertyChangeListener(listener);
            super.removeNotify();
        }
    }

    public static void main(String[] args) {
        FORM.addNotify(); // what showing the form in a window does
        JPanel row = new RowPanel();
        JPanel moved = new MovedRowPanel();
        JPanel tidy = new TidyRowPanel();
        FORM.add(row);
        FORM.add(moved);
        FORM.add(tidy);
        FORM.remove(row);
        FORM.remove(tidy);
        FORM.remove(moved);
        FORM.add(moved);
        System.out.println("swing teardown done, moved displayable " + moved.isDisplayable());
    }
}
